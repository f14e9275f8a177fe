/**
 * The body a page reads from a captured response: a byte stream that pulls from the real body
 * only when the page reads (high-water mark 0), so backpressure, `bodyUsed` and timing stay as
 * they were, and hands each chunk on unchanged after posting a copy. Cancelling it cancels the
 * real body (closing the connection); errors and abort reasons pass through as the same objects.
 *
 * A response and its clones share one `BodyCapture`: a tee delivers the same chunks to every
 * branch, so chunk `i` is captured by whichever branch reads it first.
 */
import type { StreamSink } from './emitter.js';

const NativeReadableStream = ReadableStream;

export type BodyCapture = { sink: StreamSink; captured: number; branches: number };

export type PassThrough = {
  readonly stream: ReadableStream<Uint8Array>;
  /** Read from or cancelled: the native notion of a disturbed stream. */
  readonly disturbed: boolean;
};

export function createBodyCapture(sink: StreamSink): BodyCapture {
  return { sink, captured: 0, branches: 1 };
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export function passThrough(source: () => ReadableStream<Uint8Array>, capture: BodyCapture): PassThrough {
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let disturbed = false;
  let index = 0;
  const release = () => {
    reader?.releaseLock();
  };
  const stream = new NativeReadableStream(
    {
      type: 'bytes',
      async pull(controller: ReadableByteStreamController) {
        disturbed = true;
        reader ??= source().getReader();
        for (;;) {
          let result: ReadableStreamReadResult<Uint8Array>;
          try {
            result = await reader.read();
          } catch (error) {
            capture.sink.end(isAbort(error) ? 'cancelled' : 'error', error);
            release();
            throw error;
          }
          if (result.done) {
            capture.sink.end('complete');
            release();
            controller.close();
            controller.byobRequest?.respond(0);
            return;
          }
          const chunk = result.value;
          if (chunk.byteLength === 0) continue;
          if (index++ === capture.captured) {
            capture.captured++;
            capture.sink.chunk(chunk);
          }
          controller.enqueue(chunk as Uint8Array<ArrayBuffer>);
          return;
        }
      },
      async cancel(reason: unknown) {
        disturbed = true;
        if (--capture.branches === 0) capture.sink.end('cancelled', reason);
        if (reader) {
          await reader.cancel(reason);
          release();
        } else {
          await source().cancel(reason);
        }
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    get disturbed() {
      return disturbed;
    },
  };
}
