import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../protocol/scenarios/schema.js';
import { streamMeta } from '../test-support/stream-meta.js';
import { harSchema } from '../../../protocol/index.js';
import { curlOf, fetchOf, harEntryOf, harFile, lintCommandOf, redacted, scenarioOf, sseBytes } from './exports.js';

const text = (value: string) => new TextEncoder().encode(value);
const meta = streamMeta({
  url: 'http://127.0.0.1:8787/api/chat?x=1',
  requestHeaders: { 'content-type': 'application/json', authorization: 'Bearer s3cret', 'x-api-key': 'k3y' },
  requestBody: '{"messages":[{"role":"user","content":"it\'s me"}]}',
  responseHeaders: { 'content-type': 'text/event-stream', 'content-length': '99', 'set-cookie': 'sid=1', 'x-vercel-ai-ui-message-stream': 'v1' },
});
const chunks = [
  { bytes: text('data: {"type":"start"}\n\n'), at: 12.4 },
  { bytes: new Uint8Array([0x64, 0x61, 0x74, 0x61, 0x3a, 0x20, 0xe2, 0x82]), at: 40 },
  { bytes: new Uint8Array([0xac, 0x0a, 0x0a]), at: 40 },
];

describe('exports', () => {
  it('.sse is the exact bytes', () => {
    expect([...sseBytes(chunks)]).toEqual([...chunks.flatMap((chunk) => [...chunk.bytes])]);
  });

  it('a scenario keeps status, headers (secrets and framing left out) and timing, and validates against the scenario schema', () => {
    const scenario = scenarioOf(meta, chunks, [{ code: 'missing-finish', severity: 'error', event: null, message: '' }]);
    expect(scenarioSchema.safeParse(scenario).success).toBe(true);
    expect(scenario).toMatchObject({
      name: 'captured-api-chat',
      status: 200,
      expect: ['missing-finish'],
      headers: { 'content-type': 'text/event-stream', 'set-cookie': redacted, 'x-vercel-ai-ui-message-stream': 'v1' },
    });
    expect(scenario.headers).not.toHaveProperty('content-length');
    expect(scenario.steps).toEqual([
      { step: 'delay', ms: 12 },
      { step: 'raw', data: 'data: {"type":"start"}\n\n' },
      { step: 'delay', ms: 28 },
      { step: 'raw', data: 'ZGF0YTog4oI=', encoding: 'base64' },
      { step: 'raw', data: 'rAoK', encoding: 'base64' },
    ]);
    expect(scenarioOf(meta, chunks, [], true).headers['set-cookie']).toBe('sid=1');
  });

  it('copies the request as cURL, lint and fetch, secrets redacted unless revealed', () => {
    const curl = curlOf(meta);
    expect(curl).toBe(
      `curl -N -X POST 'http://127.0.0.1:8787/api/chat?x=1' -H 'content-type: application/json' -H 'authorization: ${redacted}' -H 'x-api-key: ${redacted}' --data-raw '{"messages":[{"role":"user","content":"it'\\''s me"}]}'`,
    );
    expect(curlOf(meta, true)).toContain('Bearer s3cret');
    expect(lintCommandOf(meta)).toMatch(/^npx streamscope lint 'http:\/\/127\.0\.0\.1:8787\/api\/chat\?x=1' --method POST --header 'content-type: application\/json' --header 'authorization: \[redacted\]'/);
    expect(fetchOf(meta)).not.toContain('s3cret');
    expect(fetchOf(meta, true)).toContain('s3cret');
  });

  it('HAR: the request and response with their headers, secrets redacted unless revealed, body and timing', () => {
    const har = harFile([harEntryOf(meta, chunks, 55)]);
    expect(harSchema.safeParse(har).success).toBe(true);
    expect(har.log.creator.name).toBe('streamscope');
    const [entry] = har.log.entries;
    expect(entry.request.headers).toEqual([
      { name: 'content-type', value: 'application/json' },
      { name: 'authorization', value: redacted },
      { name: 'x-api-key', value: redacted },
    ]);
    expect(entry.response.headers).toContainEqual({ name: 'set-cookie', value: redacted });
    expect(JSON.stringify(har)).not.toMatch(/s3cret|k3y|sid=1/);
    // the pieces split a character; joined, the body is text
    expect(entry.response.content).toMatchObject({ size: 35, text: 'data: {"type":"start"}\n\ndata: €\n\n' });
    expect(entry.timings).toMatchObject({ wait: 12.4, receive: 55 - 12.4 });
    const truncated = harEntryOf(meta, chunks, 55, false, '1 MB kept');
    expect(truncated.comment).toBe('streamscope: truncated — 1 MB kept');
    expect(scenarioOf(meta, chunks, [], false, '1 MB kept').description).toMatch(/ — truncated: 1 MB kept$/);
    const revealed = JSON.stringify(harEntryOf(meta, chunks, 55, true));
    for (const secret of ['Bearer s3cret', 'k3y', 'sid=1']) expect(revealed).toContain(secret);
  });
});
