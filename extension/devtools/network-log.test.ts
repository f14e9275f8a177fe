import { describe, expect, it } from 'vitest';
import { decodeContent, isEventStreamResponse, networkLogNoBodyNote, networkLogNote, readNetworkLogStream, responseStartedAt, streamMetaOf, type FinishedRequest, type HarEntry } from './network-log.js';

function entry(responseHeaders: { name: string; value: string }[], extra: Partial<HarEntry> = {}): HarEntry {
  return {
    startedDateTime: '2026-01-02T03:04:05.000Z',
    request: { method: 'POST', url: 'http://127.0.0.1:8787/api/chat', headers: [{ name: 'Content-Type', value: 'application/json' }], postData: { text: '{"messages":[]}' } },
    response: { status: 200, statusText: 'OK', headers: responseHeaders },
    timings: { blocked: 1, dns: -1, connect: -1, send: 0.5, wait: 20 },
    ...extra,
  };
}

describe('network-log fallback', () => {
  it('recognises SSE responses as the page hook does', () => {
    expect(isEventStreamResponse(entry([{ name: 'Content-Type', value: 'Text/Event-Stream; charset=utf-8' }]))).toBe(true);
    expect(isEventStreamResponse(entry([{ name: 'x-vercel-ai-ui-message-stream', value: 'v1' }]))).toBe(true);
    expect(isEventStreamResponse(entry([{ name: 'content-type', value: 'application/json' }]))).toBe(false);
    expect(isEventStreamResponse(entry([], { response: { status: 200, statusText: '', headers: [], content: { mimeType: 'text/event-stream' } } }))).toBe(true);
  });

  it('dates the response at the first byte, ignoring unknown (-1) phases', () => {
    expect(responseStartedAt(entry([]))).toBe(Date.parse('2026-01-02T03:04:05.000Z') + 21.5);
  });

  it('describes the request as stream metadata marked as coming from the log', () => {
    const meta = streamMetaOf(entry([{ name: 'Content-Type', value: 'text/event-stream' }, { name: ':status', value: '200' }]));
    expect(meta).toMatchObject({
      transport: 'network-log',
      method: 'POST',
      requestBody: '{"messages":[]}',
      requestHeaders: { 'content-type': 'application/json' },
      responseHeaders: { 'content-type': 'text/event-stream' },
      note: networkLogNote,
      // the request's own start, so time to first byte counts the wait for the response
      requestStartedAt: Date.parse('2026-01-02T03:04:05.000Z'),
    });
  });

  it('decodes base64 bodies as UTF-8', () => {
    const text = 'data: {"type":"text-delta","id":"t","delta":"21°C"}\n\n';
    const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(text)));
    expect(decodeContent(base64, 'base64')).toBe(text);
    expect(decodeContent(text, '')).toBe(text);
    expect(decodeContent('', '')).toBe('');
    expect(decodeContent(null, null)).toBeNull();
  });

  it('reads the body of SSE requests only', async () => {
    const sse = { ...entry([{ name: 'content-type', value: 'text/event-stream' }]), getContent: (callback) => callback!('data: [DONE]\n\n', '') } as FinishedRequest;
    const json = { ...entry([{ name: 'content-type', value: 'application/json' }]), getContent: () => { throw new Error('must not read non-SSE bodies'); } } as FinishedRequest;
    expect(await readNetworkLogStream(sse)).toMatchObject({ body: 'data: [DONE]\n\n', meta: { transport: 'network-log' } });
    expect(await readNetworkLogStream(json)).toBeNull();
    // Firefox: getContent returns a promise of [content, mimeType]
    const firefox = { ...sse, getContent: async () => ['data: [DONE]\n\n', 'text/event-stream'] as [string, string] } as FinishedRequest;
    expect(await readNetworkLogStream(firefox)).toMatchObject({ body: 'data: [DONE]\n\n' });
    const bodiless = { ...sse, getContent: (callback: (content: string, encoding: string) => void) => callback(null as unknown as string, '') } as FinishedRequest;
    expect(await readNetworkLogStream(bodiless)).toMatchObject({ body: null, meta: { note: networkLogNoBodyNote } });
  });
});
