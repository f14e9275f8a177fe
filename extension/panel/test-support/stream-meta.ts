/** A captured stream's metadata for unit tests: a POST to a local chat endpoint, read by `fetch`. */
import type { StreamMeta } from '../../shared/messages.js';

export function streamMeta(overrides: Partial<StreamMeta> = {}): StreamMeta {
  return {
    transport: 'fetch',
    url: 'http://127.0.0.1:8787/api/chat',
    method: 'POST',
    requestHeaders: {},
    requestBody: null,
    status: 200,
    statusText: 'OK',
    // as AI SDK servers send them: no header-problem
    responseHeaders: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-vercel-ai-ui-message-stream': 'v1', 'x-accel-buffering': 'no' },
    startedAt: 1_000_000,
    frameUrl: 'http://127.0.0.1:8787/',
    bytes: 'wire',
    note: null,
    ...overrides,
  };
}
