/**
 * Posts one stream's life to the relay: start, chunks (split to the message size cap), end.
 * Nothing is posted while the page waits: messages queue and leave together in a later task (a
 * start waits for its first chunk), so the page gets its response and each chunk before any
 * capture work runs. The relay stops these messages from reaching the page's own `message`
 * listeners.
 *
 * A stream id is what lets a message join a stream, so no object holding one ever passes through
 * a built-in the page could have patched: the queue is a prototype-less object (no array method,
 * no inherited index setter), and each batch is built and transferred with the built-ins saved at
 * install. A sink never throws: a capture that fails stops, and the page's read goes on.
 */
import { PAGE_MESSAGE_SOURCE, limits } from '../shared/hops.js';
import type { PageMessage, PageToRelayMessage, StreamEnd, StreamMeta } from '../shared/messages.js';
import { NativeUint8Array, bare, bufferOf, byteLength, copyBytes, errorParts, listFrom, stringSlice } from './natives.js';

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
const hexDigits = '0123456789abcdef';
/** 32 random hex digits, built with no method the page could have replaced (the id is the secret). */
function randomHex(): string {
  const bytes = randomValues(new NativeUint8Array(16));
  let hex = '';
  for (let index = 0; index < 16; index++) hex += hexDigits[bytes[index] >> 4] + hexDigits[bytes[index] & 15];
  return hex;
}
const newStreamId: () => string = typeof crypto.randomUUID === 'function' ? crypto.randomUUID.bind(crypto) : randomHex;

export type StreamSink = {
  /** Takes a copy of `bytes`: the caller may hand them on (and detach them) right after. */
  chunk(bytes: Uint8Array): void;
  end(outcome: StreamEnd['outcome'], error?: unknown): void;
  readonly ended: boolean;
};

type Queue = { [index: number]: PageMessage };
type Buffers = { [index: number]: ArrayBuffer };
let queue = bare<Queue>();
let queued = 0;
/** The buffers of queued chunks, transferred with them. */
let buffers = bare<Buffers>();
let buffered = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let dueAt = Infinity;

/** A transfer list the platform iterates with our own iterator, not the page's `Array.prototype`. */
function transferList(list: ArrayBuffer[]): Iterable<ArrayBuffer> {
  let index = 0;
  const iterator = { __proto__: null, next: () => (index < list.length ? { __proto__: null, done: false, value: list[index++] } : { __proto__: null, done: true, value: undefined }) };
  return { __proto__: null, [Symbol.iterator]: () => iterator } as unknown as Iterable<ArrayBuffer>;
}

function flush(): void {
  timer = null;
  dueAt = Infinity;
  const messages = queue;
  const count = queued;
  const transfers = buffers;
  queue = bare<Queue>();
  queued = 0;
  buffers = bare<Buffers>();
  buffered = 0;
  let transferred = 0;
  for (let start = 0; start < count; start += limits.batchMessages) {
    const batch = listFrom(messages, start, Math.min(count, start + limits.batchMessages));
    let chunks = 0;
    for (let index = 0; index < batch.length; index++) if (batch[index].kind === 'stream-chunk') chunks++;
    const transfer = transferList(listFrom(transfers, transferred, transferred + chunks));
    transferred += chunks;
    try {
      post({ source: PAGE_MESSAGE_SOURCE, messages: batch } satisfies PageToRelayMessage, { __proto__: null, targetOrigin: '*', transfer } as unknown as WindowPostMessageOptions);
    } catch {
      // this batch is lost (the relay sees its streams end without these bytes); the page is unaffected
    }
  }
}

function send(message: PageMessage, delayMs = 0): void {
  queue[queued++] = message;
  if (message.kind === 'stream-chunk') buffers[buffered++] = bufferOf(message.bytes) as ArrayBuffer;
  const due = now() + delayMs;
  if (due >= dueAt) return;
  if (timer !== null) cancelLater(timer);
  dueAt = due;
  timer = later(flush, delayMs);
}

/** An error as short text, read without running page code (it may be the page's abort reason). */
export function describeError(error: unknown): string {
  const parts = errorParts(error);
  const text = parts ? `${parts.name}: ${parts.message}` : typeof error === 'object' || typeof error === 'function' ? 'a non-Error value' : `${String(error)}`;
  return stringSlice(text, 0, limits.shortText);
}

export function openStream(meta: StreamMeta): StreamSink {
  const streamId = newStreamId();
  const t0 = now();
  let ended = false;
  const end = (outcome: StreamEnd['outcome'], error?: unknown) => {
    if (ended) return;
    ended = true;
    const at = now() - t0;
    send({ kind: 'stream-end', streamId, end: error === undefined ? { at, outcome } : { at, outcome, error: describeError(error) } });
  };
  send({ kind: 'stream-start', streamId, meta }, startDelayMs);
  return {
    get ended() {
      return ended;
    },
    chunk(bytes) {
      if (ended) return;
      try {
        const size = byteLength(bytes);
        const at = now() - t0;
        for (let start = 0; start < size; start += limits.chunkBytes) {
          send({ kind: 'stream-chunk', streamId, at, bytes: copyBytes(bytes, start, Math.min(limits.chunkBytes, size - start)) });
        }
      } catch (error) {
        end('error', `capture stopped: ${describeError(error)}`);
      }
    },
    end(outcome, error) {
      try {
        end(outcome, error);
      } catch {
        ended = true;
      }
    },
  };
}
