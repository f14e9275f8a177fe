/**
 * Posts one stream's life to the relay: start, chunks (split to the message size cap), end.
 * Nothing is posted while the page waits: messages queue and leave together in a later task, so
 * the page gets its response and each chunk before any capture work runs. The relay stops these
 * messages from reaching the page's own `message` listeners.
 */
import { PAGE_MESSAGE_SOURCE, limits } from '../shared/hops.js';
import type { PageToRelayMessage, StreamEnd, StreamMeta } from '../shared/messages.js';

const post = window.postMessage.bind(window);
const later = setTimeout.bind(window);
const now = performance.now.bind(performance);
/** Stream ids the page cannot guess, so it cannot forge messages into a real stream. */
const newStreamId = crypto.randomUUID.bind(crypto);

export type StreamSink = {
  /** Takes a copy of `bytes`: the caller may hand them on (and detach them) right after. */
  chunk(bytes: Uint8Array): void;
  end(outcome: StreamEnd['outcome'], error?: unknown): void;
  readonly ended: boolean;
};

let queue: PageToRelayMessage[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const messages = queue;
  queue = [];
  for (const message of messages) {
    post(message, { targetOrigin: '*', transfer: message.kind === 'stream-chunk' ? [message.bytes.buffer] : [] });
  }
}

function send(message: PageToRelayMessage): void {
  queue.push(message);
  if (!scheduled) {
    scheduled = true;
    later(flush, 0);
  }
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
        send({ source: PAGE_MESSAGE_SOURCE, kind: 'stream-chunk', streamId, at, bytes: bytes.slice(start, start + limits.chunkBytes) });
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
