import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, peakLiveHeap, scratchFiles } from './test-support/run-cli.js';

const file = scratchFiles();
const healthy = 'data: {"type":"start"}\n\ndata: {"type":"finish"}\n\ndata: [DONE]\n\n';
// An unknown type on line 4 (after a comment line and a blank one), and no finish.
const broken = ': hello\n\ndata: {"type":"start"}\n\ndata: {"type":"nope"}\n\n';

describe('lint with several inputs', () => {
  it('names the input on each finding line, ends with a summary line, and exits on all of them', async () => {
    const good = file('good.sse', healthy);
    const bad = file('bad.sse', broken);
    const run = await cli('lint', good, bad);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${good}: no findings`);
    expect(lines.slice(1, -1).every((line) => line.startsWith(`${bad}: `))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/bad\.sse: error\s+unknown-type\s+event 2 /));
    expect(lines.at(-1)).toBe('2 files read · 2 errors, 0 warnings, 1 info · 1 file with findings at or above error');
    expect((await cli('lint', good, good)).code).toBe(0);
  });

  it('reads the other inputs when one cannot be read, says which, and exits 2', async () => {
    const bad = file('bad.sse', broken);
    const run = await cli('lint', file('missing-next.sse', healthy).replace('missing-next', 'nope'), bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^streamscope lint: .*nope\.sse: no such file\n$/);
    expect(run.stdout).toMatch(/bad\.sse: error\s+unknown-type/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^1 file read · .* · 1 input could not be read$/);
  });

  it('prints GitHub Actions annotations with the file and the line of the event', async () => {
    const bad = file('annotated.sse', broken);
    const run = await cli('lint', bad, '--format', 'github');
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toContain(`::error file=${bad},line=5,title=streamscope unknown-type::unknown-type (event 2): ${run.stdout.match(/event 2\): (.*)/)?.[1]}`);
    expect(annotations.find((line) => line.includes('missing-finish'))).toMatch(/^::error file=[^,]+,title=streamscope missing-finish::missing-finish \(the stream\): /);
    expect(annotations.find((line) => line.includes('missing-done'))).toMatch(/^::notice /);
    expect(run.code).toBe(1);
  });

  it('puts CRLF and CR-only inputs on the same lines, and escapes what GitHub would misread', async () => {
    for (const end of ['\r\n', '\r']) {
      const path = file('crlf.sse', broken.replace(/\n/g, end));
      expect((await cli('lint', path, '--format', 'github')).stdout).toContain(`::error file=${path},line=5,`);
    }
    const path = file('a,b%.sse', 'data: {"type":"start"}\n\n');
    expect((await cli('lint', path, '--format', 'github')).stdout).toContain(`file=${path.replace('%', '%25').replace(',', '%2C')},`);
  });

  it('prints one JSON document for all inputs with --json', async () => {
    const good = file('good.sse', healthy);
    const run = await cli('lint', good, file('bad.sse', broken), '--json');
    const output = JSON.parse(run.stdout);
    expect(output.files.map((entry: { file: string }) => entry.file)).toEqual([good, expect.stringMatching(/bad\.sse$/)]);
    expect(output.files[0].findings).toEqual([]);
    expect(output.files[1].findings.map((finding: { code: string }) => finding.code)).toContain('unknown-type');
    expect(output.summary).toMatchObject({ files: 2, failing: 1, unreadable: 0, failOn: 'error', bySeverity: { error: 2, warning: 0, info: 1 } });
  });

  it('refuses two output formats at once', async () => {
    expect(await cli('lint', file('good.sse', healthy), '--json', '--format', 'github')).toMatchObject({ code: 2, stderr: expect.stringMatching(/choose one output format/) });
  });

  it('streams a large input and keeps no events: live heap stays small', async () => {
    const events = 60_000;
    const big = file('big.sse', `data: {"type":"start"}\n\n${'data: {"type":"text-start","id":"t"}\n\n'}${'data: {"type":"text-delta","id":"t","delta":"x"}\n\n: heartbeat\n\n'.repeat(events)}`);
    let code = -1;
    const peak = await peakLiveHeap(async () => (code = (await cli('lint', big)).code));
    expect(code).toBe(1);
    // Keeping the events, as lint did, holds about 30 MB here; streaming them, about 2 MB.
    expect(peak).toBeLessThan(10 * 1024 * 1024);
  });
});

describe('lint URL and decode URL deadlines', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      // /silent takes the request and never answers, not even headers.
      if (request.url !== '/stuck') return;
      // /stuck starts a stream and then only sends heartbeats: the stuck session.
      response.writeHead(200, { 'content-type': 'text/event-stream', 'x-accel-buffering': 'no' });
      response.write('data: {"type":"start"}\n\n');
      const beat = setInterval(() => response.write(': heartbeat\n\n'), 50);
      response.on('close', () => clearInterval(beat));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each(['lint', 'decode'])('%s URL --timeout covers a server that never sends headers', async (command) => {
    const run = await cli(command, `${base}/silent`, '--timeout', '0.3');
    expect(run).toEqual({ code: 2, stdout: '', stderr: `streamscope ${command}: ${base}/silent: no response within 0.3 s (--timeout)\n`, writes: 0 });
  });

  it('lint URL --timeout ends a stream that never finishes with its findings, saying it stopped it', async () => {
    const run = await cli('lint', `${base}/stuck`, '--timeout', '0.5');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`streamscope lint: ${base}/stuck: stopped after 0.5 s (--timeout); the stream was still open\n`);
    expect(run.stdout).toMatch(/\/stuck: error\s+missing-finish\s+stream /);
  });

  it.each([['lint'], ['decode'], ['record']])('%s refuses a --timeout longer than a Node timer can wait', async (command) => {
    const run = await cli(command, `${base}/silent`, '--timeout', '2200000');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--timeout 2200000: at most 2147483 s \(about 24\.8 days\), the longest a Node timer waits/);
  });
});
