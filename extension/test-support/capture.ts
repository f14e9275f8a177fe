/** Shared fixtures of the capture path's unit tests. */
import { CAPTURE_PROTOCOL_VERSION, type RelayMessage, type RelayToBackgroundMessage, type StreamMeta } from '../shared/messages.js';

export const meta: StreamMeta = {
  transport: 'fetch', url: 'http://127.0.0.1/sse', method: 'GET', requestHeaders: {}, requestBody: null, status: 200, statusText: 'OK',
  responseHeaders: {}, startedAt: 0, frameUrl: 'http://127.0.0.1/', bytes: 'wire', note: null,
};
export const b64 = (text: string) => Buffer.from(text).toString('base64');

export function batch(relay: string, from: number, messages: RelayMessage[]): RelayToBackgroundMessage {
  return { version: CAPTURE_PROTOCOL_VERSION, relay, batch: messages.map((message, index) => ({ seq: from + index, message })) };
}
export const start = (streamId: string, streamMeta: StreamMeta = meta): RelayMessage => ({ kind: 'stream-start', streamId, meta: streamMeta });
export const chunk = (streamId: string, text: string, at = 1): RelayMessage => ({ kind: 'stream-chunk', streamId, chunk: { at, base64: b64(text) } });
export const end = (streamId: string): RelayMessage => ({ kind: 'stream-end', streamId, end: { at: 9, outcome: 'complete' }, truncated: false });
