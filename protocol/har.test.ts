import { describe, expect, it } from 'vitest';
import { harEntry, harOf, harSchema, readHarStreams, type HarStreamInput } from './har.js';

const text = (value: string) => new TextEncoder().encode(value);
const stream: HarStreamInput = {
  method: 'post',
  url: 'http://127.0.0.1:8787/api/chat?x=1',
  requestHeaders: { 'content-type': 'application/json' },
  requestBody: '{"messages":[]}',
  status: 200,
  statusText: 'OK',
  responseHeaders: { 'Content-Type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' },
  startedAt: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
  chunks: [
    { bytes: text('data: {"type":"start"}\n\n'), at: 12 },
    { bytes: text('data: {"type":"finish"}\n\n'), at: 40.5 },
  ],
  endedAt: 52,
};

describe('HAR 1.2', () => {
  it('writes a stream as an entry with its request, body text, headers and timing', () => {
    const har = harOf([harEntry(stream)], { name: 'streamscope', version: '1.2.3' });
    expect(harSchema.safeParse(har).success).toBe(true);
    const [entry] = har.log.entries;
    expect(entry.startedDateTime).toBe('2026-01-02T03:04:05.006Z');
    expect(entry.request).toMatchObject({
      method: 'POST',
      headers: [{ name: 'content-type', value: 'application/json' }],
      queryString: [{ name: 'x', value: '1' }],
      postData: { mimeType: 'application/json', text: '{"messages":[]}' },
      bodySize: 15,
    });
    expect(entry.response.content).toEqual({ size: 49, mimeType: 'text/event-stream', text: 'data: {"type":"start"}\n\ndata: {"type":"finish"}\n\n' });
    // wait: headers to first bytes; receive: first bytes to the end; what was not captured is -1
    expect(entry.timings).toMatchObject({ blocked: -1, dns: -1, connect: -1, send: 0, wait: 12, receive: 40 });
    expect(entry.time).toBe(52);
    expect(entry._chunks).toEqual([[12, 24], [40.5, 25]]);
  });

  it('times from the request sent where it is known, says what was truncated, and reads both back', () => {
    const sent = { ...stream, requestStartedAt: stream.startedAt - 300, truncated: 'the stream budget (1 MB) was reached: 1,048,576 bytes kept' };
    const har = harOf([harEntry(sent)], { name: 'streamscope', version: '1' });
    expect(harSchema.safeParse(har).success).toBe(true);
    const [entry] = har.log.entries;
    expect(entry.startedDateTime).toBe('2026-01-02T03:04:04.706Z');
    expect(entry.timings).toMatchObject({ send: 0, wait: 312, receive: 40 });
    expect(entry.time).toBe(352);
    expect(entry._headersAfter).toBe(300);
    expect(entry.comment).toBe('streamscope: truncated — the stream budget (1 MB) was reached: 1,048,576 bytes kept');
    const read = readHarStreams(JSON.parse(JSON.stringify(har)), 'a.har');
    expect(read.ok && read.streams[0]).toMatchObject({ startedAt: stream.startedAt, requestStartedAt: stream.startedAt - 300 });
    // a send time after the headers (another context's clock) is left out, not a negative wait
    const skewed = harEntry({ ...stream, requestStartedAt: stream.startedAt + 5 });
    expect(skewed.startedDateTime).toBe('2026-01-02T03:04:05.006Z');
    expect(skewed._headersAfter).toBeUndefined();
    expect(skewed.comment).toBeUndefined();
  });

  it('keeps bytes that are no valid UTF-8 as base64, and reads them back exactly with their timing', () => {
    const broken = { ...stream, chunks: [{ bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x64, 0xe2]), at: 1 }, { bytes: new Uint8Array([0x82, 0xff]), at: null }] };
    const har = harOf([harEntry(broken)], { name: 'streamscope', version: '1' });
    expect(har.log.entries[0].response.content).toMatchObject({ encoding: 'base64', size: 7 });
    const read = readHarStreams(JSON.parse(JSON.stringify(har)), 'a.har');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [back] = read.streams;
    expect(back.chunks?.map((chunk) => [chunk.at, [...chunk.bytes]])).toEqual([[1, [0xef, 0xbb, 0xbf, 0x64, 0xe2]], [null, [0x82, 0xff]]]);
    expect(back).toMatchObject({ entry: 0, method: 'POST', status: 200, statusText: 'OK', requestBody: '{"messages":[]}', startedAt: stream.startedAt, requestStartedAt: stream.startedAt });
    expect(back.responseHeaders).toEqual({ 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' });
  });

  it("reads other writers' HARs: the body untimed, pseudo-headers and non-streams left out, a missing body as null", () => {
    const har = {
      log: {
        entries: [
          { request: { method: 'GET', url: 'http://app/me' }, response: { status: 200, headers: [], content: { mimeType: 'application/json', text: '{}' } } },
          {
            request: { method: 'POST', url: 'http://app/api/chat' },
            response: { status: 200, headers: [{ name: ':status', value: '200' }], content: { mimeType: 'text/event-stream; charset=utf-8', text: 'data: 1\n\n' } },
            _chunks: [[0, 3]], // does not describe this body: ignored
          },
          { request: { method: 'POST', url: 'http://app/api/chat' }, response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/event-stream' }], content: {} } },
        ],
      },
    };
    const read = readHarStreams(har, 'chrome.har');
    expect(read.ok && read.streams.map((found) => [found.entry, found.responseHeaders, found.chunks?.map((chunk) => chunk.at) ?? null, found.startedAt])).toEqual([
      [1, {}, [null], null],
      [2, { 'content-type': 'text/event-stream' }, null, null],
    ]);
  });

  it('says what is wrong and where, never throws', () => {
    expect(readHarStreams({ entries: [] }, 'x.har')).toEqual({ ok: false, problem: 'x.har: not a HAR (log: Invalid input: expected object, received undefined)' });
    expect(readHarStreams({ log: { entries: [{ request: {}, response: {} }] } }, 'x.har')).toMatchObject({ ok: false, problem: expect.stringMatching(/^x\.har: not a HAR \(log\.entries\.0\.request\.method: /) });
    const badBase64 = { log: { entries: [{ request: { method: 'GET', url: 'u' }, response: { status: 200, headers: [], content: { mimeType: 'text/event-stream', text: '@@', encoding: 'base64' } } }] } };
    expect(readHarStreams(badBase64, 'x.har')).toEqual({ ok: false, problem: 'x.har: log.entries[0].response.content.text: encoding is base64, but the text is not base64' });
    const none = { log: { entries: [{ request: { method: 'GET', url: 'u' }, response: { status: 200, headers: [], content: { mimeType: 'text/html', text: '' } } }] } };
    expect(readHarStreams(none, 'x.har')).toEqual({ ok: false, problem: 'x.har: no event-stream response among its 1 entries' });
  });
});
