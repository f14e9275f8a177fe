import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './io.js';
import { serve } from './serve.js';

function session(argv: string[]) {
  let stdout = '';
  let stderr = '';
  let stop!: () => void;
  const until = new Promise<void>((resolve) => (stop = resolve));
  const exit = serve(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, until);
  return { exit, stop, stdout: () => stdout, stderr: () => stderr };
}

const waitForOutput = async (read: () => string, pattern: RegExp): Promise<RegExpMatchArray> => {
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    await new Promise((resolve) => setImmediate(resolve));
  }
};

describe('streamscope serve', () => {
  it('prints the URLs, serves the scenarios of --scenarios, reports bad files, and stops cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'streamscope-serve-'));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ expect: [], steps: [{ step: 'chunk', chunk: { type: 'start' } }, { step: 'done' }] }));
    writeFileSync(join(dir, 'bad.json'), '{"expect": []}');
    const running = session(['--port', '0', '--scenarios', dir]);
    const [, url] = await waitForOutput(running.stdout, /streamscope mock server: (http:\/\/127\.0\.0\.1:\d+)\n/);
    expect(running.stdout()).toContain(`  chat          POST ${url}/api/chat`);
    expect(running.stdout()).toContain(`scenario "mine" loaded from ${join(dir, 'mine.json')}`);
    expect(running.stderr()).toContain(`${join(dir, 'bad.json')}: $.steps: Invalid input: expected array, received undefined`);
    expect(await (await fetch(`${url}/sse/mine`)).text()).toBe('data: {"type":"start"}\n\ndata: [DONE]\n\n');
    writeFileSync(join(dir, 'mine.json'), '{"expect": [');
    await waitForOutput(running.stderr, /\(.*mine\.json: its last good version, "mine", keeps serving; the other scenarios are\)\n/);
    expect(running.stderr()).toContain(`${join(dir, 'mine.json')}: $: not valid JSON: `);
    expect((await fetch(`${url}/sse/mine`)).status).toBe(200);
    running.stop();
    expect(await running.exit).toBe(0);
    await expect(fetch(`${url}/sse/mine`)).rejects.toThrow();
  });

  it('widens CORS with --cors (repeated or comma-separated) and sets the body limit with --max-body-mb', async () => {
    const running = session(['--port', '0', '--cors', 'https://app.example,https://b.example', '--cors', 'https://c.example', '--max-body-mb', '0.001']);
    const [, url] = await waitForOutput(running.stdout, /streamscope mock server: (http:\/\/127\.0\.0\.1:\d+)\n/);
    const status = async (origin: string) => (await fetch(`${url}/api/scenarios`, { headers: { origin } })).status;
    expect([await status('https://app.example'), await status('https://b.example'), await status('https://c.example'), await status('https://d.example')]).toEqual([200, 200, 200, 403]);
    expect((await fetch(`${url}/api/chat`, { method: 'POST', body: 'x'.repeat(1100) })).status).toBe(413);
    running.stop();
    expect(await running.exit).toBe(0);
  });

  it('rejects a bad port, a missing folder and a port in use as usage errors', async () => {
    await expect(session(['--port', 'x']).exit).rejects.toThrow(new UsageError('--port x: expected a port number (0–65535)'));
    await expect(session(['--scenarios', '/nonexistent/dir']).exit).rejects.toThrow(new UsageError('--scenarios /nonexistent/dir: no such directory'));
    await expect(session(['--cors', 'app.example']).exit).rejects.toThrow(
      new UsageError('--cors: CORS origin "app.example": expected "*" or an origin such as https://app.example:3000 (scheme, host and port only)'),
    );
    await expect(session(['--max-body-mb', '0']).exit).rejects.toThrow(new UsageError('--max-body-mb 0: expected a positive number'));
    const first = session(['--port', '0']);
    const [, port] = await waitForOutput(first.stdout, /127\.0\.0\.1:(\d+)/);
    await expect(session(['--port', port]).exit).rejects.toThrow(new UsageError(`port ${port} is in use: pick another with --port`));
    first.stop();
    await first.exit;
  });
});
