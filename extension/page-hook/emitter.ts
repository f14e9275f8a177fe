/**
 * Posts one stream's life to the relay: start, chunks (split to the message size cap), end.
 * Nothing is posted while the page waits: messages queue and leave together in a later task (a
 * start waits for its first chunk), so the page gets its response and each chunk before any
 * capture work runs. The relay stops these
 * messages from reaching the page's own `message` listeners.
 */
import { PAGE_MESSAGE_SOURCE, limits } from '../shared/hops.js';
import type { PageMessage, PageToRelayMessage, StreamEnd, StreamMeta } from '../shared/messages.js';

const post = window.postMessage.bind(window);
const later = setTimeout.bind(window);
const cancelLater = clearTimeout.bind(window);
/** A stream's start waits this long for its first bytes to travel with them: posting it at once
 * would put the relay's work between the response and its first chunk. */
const startDelayMs = 50;
const now = performance.now.bind(performance);
/** Stream ids the page cannot guess, so it cannot forge messages into a real stream.
 * `randomUUID` exists only in secure contexts; an http page on another host than localhost gets
 * the same 122 random bits from `getRandomValues`, which every context has. */
const randomValues = crypto.getRandomValues.bind(crypto);
const newStreamId: () => string =
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID.bind(crypto)
    : () => Array.from(randomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

export type StreamSink = {
  /** Takes a copy of `bytes`: the caller may hand them on (and detach them) right after. */
  chunk(bytes: Uint8Array): void;
  end(outcome: StreamEnd['outcome'], error?: unknown): void;
  readonly ended: boolean;
};

let queue: PageMessage[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
let dueAt = Infinity;

function flush(): void {
  timer = null;
  dueAt = Infinity;
  for (let start = 0; start < queue.length; start += limits.batchMessages) {
    const messages = queue.slice(start, start + limits.batchMessages);
    const transfer = messages.flatMap((message) => (message.kind === 'stream-chunk' ? [message.bytes.buffer] : []));
    post({ source: PAGE_MESSAGE_SOURCE, messages } satisfies PageToRelayMessage, { targetOrigin: '*', transfer });
  }
  queue = [];
}

function send(message: PageMessage, delayMs = 0): void {
  queue.push(message);
  const due = now() + delayMs;
  if (due >= dueAt) return;
  if (timer !== null) cancelLater(timer);
  dueAt = due;
  timer = later(flush, delayMs);
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, limits.shortText);
  return String(error).slice(0, limits.shortText);
}

export function openStream(meta: StreamMeta): StreamSink {
  const streamId = newStreamId();
  const t0 = now();
  let ended = false;
  send({ kind: 'stream-start', streamId, meta }, startDelayMs);
  return {
    get ended() {
      return ended;
    },
    chunk(bytes) {
      if (ended || bytes.byteLength === 0) return;
      const at = now() - t0;
      for (let start = 0; start < bytes.byteLength; start += limits.chunkBytes) {
        send({ kind: 'stream-chunk', streamId, at, bytes: bytes.slice(start, start + limits.chunkBytes) });
      }
    },
    end(outcome, error) {
      if (ended) return;
      ended = true;
      const end: StreamEnd = { at: now() - t0, outcome };
      if (error !== undefined) end.error = describeError(error);
      send({ kind: 'stream-end', streamId, end });
    },
  };
}
