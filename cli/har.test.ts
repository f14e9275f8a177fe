import { describe, expect, it } from 'vitest';
import { encodeChunk, encodeDone, harEntry, harOf } from '../protocol/index.js';
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

  it('reads a HAR the panel wrote (HAR 1.2, bodies in pieces, UTF-8 or base64), with its headers', async () => {
    const body = (text: string) => [{ bytes: new TextEncoder().encode(text), at: 5 }];
    const written = (chunks: { bytes: Uint8Array; at: number | null }[], responseHeaders: Record<string, string>) =>
      harEntry({ method: 'POST', url: 'http://app/api/chat', requestHeaders: {}, requestBody: '{"messages":[]}', status: 200, statusText: 'OK', responseHeaders, startedAt: 0, chunks, endedAt: 9 });
    const clean = encodeChunk({ type: 'start' }) + encodeChunk({ type: 'finish' }) + encodeDone();
    const aiSdk = { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1', 'x-accel-buffering': 'no', 'cache-control': 'no-cache' };
    const path = file(
      'panel.har',
      JSON.stringify(
        harOf(
          [
            written(body(clean), { ...aiSdk, 'content-encoding': 'gzip' }),
            // a comment holding a lone continuation byte: no valid UTF-8, so the body is kept as base64
            written([{ bytes: new Uint8Array([0x3a, 0x80, 0x0a, 0x0a]), at: 1 }, ...body(clean)], aiSdk),
          ],
          { name: 'streamscope', version: '0' },
        ),
      ),
    );
    const run = await cli('lint', path, '--fail-on', 'info', '--format', 'json');
    const { files } = JSON.parse(run.stdout) as { files: { file: string; findings: { code: string }[] }[] };
    expect(files.map((one) => [one.file, one.findings.map((finding) => finding.code)])).toEqual([
      [`${path}#0 POST http://app/api/chat`, ['header-problem']],
      [`${path}#1 POST http://app/api/chat`, []],
    ]);
  });
});
