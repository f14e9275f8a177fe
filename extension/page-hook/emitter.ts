/**
 * Posts one stream's life to the relay: start, chunks (split to the message size cap), end.
 * The relay stops these messages from reaching the page's own `message` listeners.
 */
import { PAGE_MESSAGE_SOURCE, limits } from '../shared/hops.js';
import type { PageToRelayMessage, StreamEnd, StreamMeta } from '../shared/messages.js';

const post = window.postMessage.bind(window);
const now = performance.now.bind(performance);
/** Stream ids the page cannot guess, so it cannot forge messages into a real stream. */
const newStreamId = crypto.randomUUID.bind(crypto);

export type StreamSink = {
  chunk(bytes: Uint8Array): void;
  end(outcome: StreamEnd['outcome'], error?: unknown): void;
  readonly ended: boolean;
};

function send(message: PageToRelayMessage): void {
  post(message, '*');
}

/** Structured clone copies a view's whole buffer: hand it exactly the bytes. */
function exact(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 1024);
  return String(error).slice(0, 1024);
}

export function openStream(meta: StreamMeta): StreamSink {
  const streamId = newStreamId();
  const t0 = now();
  let ended = false;
  send({ source: PAGE_MESSAGE_SOURCE, kind: 'stream-start', streamId, meta });
  return {
    get ended() {
      return ended;
    },
    chunk(bytes) {
      if (ended || bytes.byteLength === 0) return;
      const at = now() - t0;
      for (let start = 0; start < bytes.byteLength; start += limits.chunkBytes) {
        const part = start === 0 && bytes.byteLength <= limits.chunkBytes ? exact(bytes) : bytes.slice(start, start + limits.chunkBytes);
        send({ source: PAGE_MESSAGE_SOURCE, kind: 'stream-chunk', streamId, at, bytes: part });
      }
    },
    end(outcome, error) {
      if (ended) return;
      ended = true;
      const end: StreamEnd = { at: now() - t0, outcome };
      if (error !== undefined) end.error = describeError(error);
      send({ source: PAGE_MESSAGE_SOURCE, kind: 'stream-end', streamId, end });
    },
  };
}
