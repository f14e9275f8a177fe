import { describe, expect, it } from 'vitest';
import { cli, scratchFiles } from './test-support/run-cli.js';

const file = scratchFiles();
const stream = 'data: {"type":"start"}\n\ndata: {"type":"finish"}\n\ndata: [DONE]\n\n';
const aiHeaders = [
  { name: 'Content-Type', value: 'text/event-stream' },
  { name: 'x-accel-buffering', value: 'no' },
];

const entry = (url: string, headers: { name: string; value: string }[], content: Record<string, string>) => ({
  request: { method: 'POST', url },
  response: { status: 200, headers, content },
});

const har = (...entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });

describe('lint and decode a HAR file', () => {
  it('reads each event-stream response with the headers the HAR kept, and skips the others', async () => {
    const path = file(
      'session.har',
      har(
        entry('http://app/api/chat', [...aiHeaders, { name: 'Content-Encoding', value: 'gzip' }, { name: ':status', value: '200' }], { mimeType: 'text/event-stream', text: stream }),
        entry('http://app/api/me', [{ name: 'content-type', value: 'application/json' }], { mimeType: 'application/json', text: '{}' }),
        entry('http://app/api/chat', aiHeaders, { mimeType: 'text/event-stream', text: Buffer.from('data: {"type":"nope"}\n\n').toString('base64'), encoding: 'base64' }),
      ),
    );
    const run = await cli('lint', path, '--fail-on', 'warning');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${path}#0 POST http://app/api/chat: warning\\s+header-problem\\s+stream\\s+"content-encoding: gzip"`, 'm'));
    expect(run.stdout).not.toContain('#1 ');
    expect(run.stdout).toMatch(new RegExp(`^${path}#2 POST http://app/api/chat: error\\s+unknown-type\\s+event 0`, 'm'));
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^2 files read · /);

    const annotations = (await cli('lint', path, '--format', 'github')).stdout;
    // The annotation points at the HAR; its message names the response.
    expect(annotations).toContain(`::error file=${path},title=streamscope unknown-type::unknown-type (${path}#2 POST http://app/api/chat, event 0): `);
  });

  it('says which response the HAR kept no body for, and which file is not a HAR', async () => {
    const path = file('no-content.har', har(entry('http://app/api/chat', aiHeaders, { mimeType: 'text/event-stream' })));
    const empty = await cli('lint', path);
    expect(empty).toMatchObject({ code: 2, stdout: '' });
    expect(empty.stderr).toBe(`streamscope lint: ${path}#0 POST http://app/api/chat: the HAR kept no body for this response (save it "with content")\n`);
    const notHar = await cli('decode', file('other.har', '{"entries":[]}'));
    expect(notHar.code).toBe(2);
    expect(notHar.stderr).toMatch(/other\.har: not a HAR \(log: /);
    const noStream = await cli('lint', file('json-only.har', har(entry('http://app/api/me', [], { mimeType: 'application/json', text: '{}' }))));
    expect(noStream.stderr).toMatch(/json-only\.har: no event-stream response among its 1 entries/);
  });
});
