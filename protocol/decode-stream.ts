/**
 * `decodeStream(input)`: the whole decode report of a string, bytes, a `ReadableStream` (such as
 * `response.body`) or an async iterable of chunks.
 */
import { createDecoder, type DecoderOptions } from './decoder.js';
import type { DecodeReport } from './schemas/report.js';

export type StreamInput = string | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

export type DecodeStreamOptions = Omit<DecoderOptions, 'keepEvents'> & {
  /** Time each chunk's arrival (ms since the call), for live input; off for files. */
  timing?: boolean;
  /** The clock for `timing` (default `performance.now`). */
  now?: () => number;
};

async function* chunksOf(input: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  if (Symbol.asyncIterator in input) {
    yield* input as AsyncIterable<Uint8Array | string>;
    return;
  }
  const reader = (input as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export async function decodeStream(input: StreamInput, options: DecodeStreamOptions = {}): Promise<DecodeReport> {
  const decoder = createDecoder({ ...options, keepEvents: true });
  if (typeof input === 'string' || input instanceof Uint8Array) {
    decoder.push(input);
    return decoder.end();
  }
  const now = options.now ?? (() => performance.now());
  const start = now();
  const clock = (): number | null => (options.timing ? now() - start : null);
  for await (const chunk of chunksOf(input)) decoder.push(chunk, clock());
  return decoder.end(clock());
}
