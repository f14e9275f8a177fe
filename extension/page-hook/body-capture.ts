/**
 * The body a page reads from a captured response: a byte stream that pulls from the real body
 * only when the page reads (high-water mark 0), so backpressure, `bodyUsed` and timing stay as
 * they were, and hands each chunk on unchanged after posting a copy. Cancelling it cancels the
 * real body (closing the connection); errors and abort reasons pass through as the same objects.
 *
 * Every stream operation goes through the built-ins saved at install and no promise is resolved
 * with another (which would call the page's `then`), so a page that patched `ReadableStream`,
 * its readers or `Promise.prototype` reads exactly as it would without the extension. A capture
 * step that fails stops the capture only (the sink never throws).
 *
 * A response and its clones share one `BodyCapture`: a tee delivers the same chunks to every
 * branch, so chunk `i` is captured by whichever branch reads it first.
 */
import type { StreamSink } from './emitter.js';
import {
  NativePromise,
  NativeReadableStream,
  byobRequest,
  byteLength,
  cancelReader,
  cancelStream,
  closeController,
  enqueue,
  errorParts,
  getReader,
  read,
  releaseLock,
  respond,
  chain,
} from './natives.js';

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
  return errorParts(error)?.name === 'AbortError';
}

export function passThrough(source: () => ReadableStream<Uint8Array>, capture: BodyCapture): PassThrough {
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let disturbed = false;
  let index = 0;

  /** Reads until a non-empty chunk (enqueued) or the end, then calls `settle` with nothing, or
   * with the error (the source's own object) that ends the page's read. */
  function pump(source: ReadableStreamDefaultReader<Uint8Array>, controller: ReadableByteStreamController, settle: (failure?: { error: unknown }) => void): void {
    const onResult = (result: ReadableStreamReadResult<Uint8Array>) => {
      if (result.done) {
        capture.sink.end('complete');
        releaseLock(source);
        closeController(controller);
        const request = byobRequest(controller);
        if (request) respond(request, 0);
        return settle();
      }
      const chunk = result.value;
      if (byteLength(chunk) === 0) return pump(source, controller, settle);
      if (index++ === capture.captured) {
        capture.captured++;
        capture.sink.chunk(chunk);
      }
      enqueue(controller, chunk);
      settle();
    };
    const onError = (error: unknown) => {
      capture.sink.end(isAbort(error) ? 'cancelled' : 'error', error);
      releaseLock(source);
      settle({ error });
    };
    // a throw here must reach the page's read as the pull's failure, never as an unhandled rejection
    chain(read(source), (result) => {
      try {
        onResult(result);
      } catch (error) {
        settle({ error });
      }
    }, (error) => {
      try {
        onError(error);
      } catch {
        settle({ error });
      }
    });
  }

  const stream = new NativeReadableStream(
    {
      __proto__: null,
      type: 'bytes',
      pull(controller: ReadableByteStreamController) {
        disturbed = true;
        reader ??= getReader(source());
        const current = reader;
        return new NativePromise<void>((resolve, reject) => pump(current, controller, (failure) => (failure ? reject(failure.error) : resolve())));
      },
      cancel(reason: unknown) {
        disturbed = true;
        if (--capture.branches === 0) capture.sink.end('cancelled', reason);
        if (!reader) return cancelStream(source(), reason);
        const current = reader;
        return chain(cancelReader(current, reason), () => releaseLock(current));
      },
    } as UnderlyingByteSource,
    { __proto__: null, highWaterMark: 0 } as QueuingStrategy<Uint8Array>,
  );
  return {
    stream,
    get disturbed() {
      return disturbed;
    },
  };
}
