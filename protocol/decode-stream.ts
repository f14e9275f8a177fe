/**
 * `decodeStream(input)`: the whole decode report of a string, bytes, a `ReadableStream` (such as
 * `response.body`) or an async iterable of chunks. With `signal` or `timeout`, a stream that never
 * ends still gives a report: reading stops, the input is cancelled, and the report says so
 * (`terminal: 'cancelled'`).
 */
import { createDecoder, type DecoderOptions } from './decoder.js';
import type { Cancellation } from './linter.js';
import type { DecodeReport } from './schemas/report.js';

export type StreamInput = string | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

export type DecodeStreamOptions = Omit<DecoderOptions, 'keepEvents'> & {
  /** Time each chunk's arrival (ms since the call), for live input; off for files. */
  timing?: boolean;
  /** The clock for `timing` (default `performance.now`). */
  now?: () => number;
  /** Stop reading when it aborts: the report so far, with `terminal: 'cancelled'`. */
  signal?: AbortSignal;
  /** Stop reading after this many ms: the report so far, with `terminal: 'cancelled'`. */
  timeout?: number;
};

type Next = { done: true } | { done: false; value: Uint8Array | string };
/** `cancel` resolves once a stream is cancelled; an iterator's `return()` waits for its pending `next()`, so it is not awaited. */
type Source = { next(): Promise<Next>; cancel(reason: string): Promise<void> };

function sourceOf(input: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>): Source {
  // A ReadableStream is read by a reader even where it is also async-iterable: cancelling a
  // reader reaches the body at once, with the reason.
  if (!('getReader' in input)) {
    const iterator = (input as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
    return {
      next: () => iterator.next() as Promise<Next>,
      cancel: async () => void iterator.return?.()?.catch(() => {}),
    };
  }
  const reader = (input as ReadableStream<Uint8Array>).getReader();
  return {
    next: async () => {
      const result = await reader.read();
      if (result.done) reader.releaseLock();
      return result as Next;
    },
    cancel: (reason) => reader.cancel(reason).catch(() => {}),
  };
}

/** Resolves with the reason reading must stop: the signal aborted or the timeout passed. */
function stopWhen(signal: AbortSignal | undefined, timeout: number | undefined): { stopped: Promise<Cancellation>; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort = (): void => {};
  const stopped = new Promise<Cancellation>((resolve) => {
    const why = (): string => {
      const reason: unknown = signal?.reason;
      return reason instanceof Error ? `the signal aborted: ${reason.message}` : 'the signal aborted';
    };
    if (signal?.aborted) return resolve({ reason: why() });
    onAbort = () => resolve({ reason: why() });
    signal?.addEventListener('abort', onAbort, { once: true });
    if (timeout !== undefined) timer = setTimeout(() => resolve({ reason: `the timeout of ${timeout} ms passed` }), timeout);
  });
  return {
    stopped,
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

export async function decodeStream(input: StreamInput, options: DecodeStreamOptions = {}): Promise<DecodeReport> {
  if (options.timeout !== undefined && !(options.timeout >= 0)) throw new RangeError(`streamscope: timeout must be a number of ms ≥ 0, got ${options.timeout}`);
  const decoder = createDecoder({ ...options, keepEvents: true });
  if (typeof input === 'string' || input instanceof Uint8Array) {
    decoder.push(input);
    return decoder.end();
  }
  const now = options.now ?? (() => performance.now());
  const start = now();
  const clock = (): number | null => (options.timing ? now() - start : null);
  const source = sourceOf(input);
  const stop = stopWhen(options.signal, options.timeout);
  try {
    for (;;) {
      const next = await Promise.race([source.next(), stop.stopped]);
      if ('reason' in next) {
        await source.cancel(next.reason);
        return decoder.end(clock(), { cancelled: next });
      }
      if (next.done) return decoder.end(clock());
      decoder.push(next.value, clock());
    }
  } finally {
    stop.dispose();
  }
}
