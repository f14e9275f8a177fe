/**
 * The panel's side of its decode worker: sends captured bytes, settings and ends; hands each
 * stream's progress to its listener, batched to one delivery per animation frame (so a stream at
 * 1,000 events/s costs one render per frame); answers report and bytes requests with promises.
 */
import type { DecodeReport, ResponseInfo } from '../../../protocol/index.js';
import type { ImportResult } from '../view-model/imports.js';
import type { DecodeProgress, DecodeSettings, EncodedChunk, PanelChunkIn, PanelToWorkerMessage, WorkerToPanelMessage } from './decode-messages.js';

/** A worker, or an in-process host for tests. */
export type DecodePort = {
  postMessage(message: PanelToWorkerMessage, transfer?: Transferable[]): void;
  listen(listener: (message: WorkerToPanelMessage) => void): void;
};

export type KeptChunk = { bytes: Uint8Array; at: number | null };

export type DecodeClient = {
  configure(settings: DecodeSettings): void;
  start(id: string, request: { requestBody: string | null; response: ResponseInfo | undefined }, onProgress: (progress: DecodeProgress) => void): void;
  push(id: string, chunks: PanelChunkIn[]): void;
  /** Captured chunks in base64, decoded in the worker rather than on the panel's UI thread. */
  pushEncoded(id: string, chunks: EncodedChunk[]): void;
  tick(id: string, at: number): void;
  end(id: string, at: number | null, cancelled: string | null): void;
  remove(ids: readonly string[]): void;
  /** The decode report so far, without its events (the panel has those). */
  report(id: string): Promise<DecodeReport | null>;
  /** The bytes kept of a stream, as captured: what `.sse` export saves. */
  bytes(id: string): Promise<KeptChunk[] | null>;
  /** The streams a file to import holds, read in the worker (`bytes` are handed over). */
  readFile(name: string, bytes: Uint8Array, now: number): Promise<ImportResult>;
};

export type DecodeClientOptions = {
  /** Runs a delivery with the next frame (`requestAnimationFrame` in the panel; at once in tests). */
  frame?: (deliver: () => void) => void;
};

/**
 * The next animation frame, or 50 ms when no frame comes first: a DevTools panel that is not
 * painted (another panel shown, a hidden window) still takes in what the worker decoded.
 */
export function nextFrame(deliver: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    deliver();
  };
  requestAnimationFrame(run);
  setTimeout(run, 50);
}

export function createDecodeClient(port: DecodePort, options: DecodeClientOptions = {}): DecodeClient {
  const listeners = new Map<string, (progress: DecodeProgress) => void>();
  const pending = new Map<number, (value: never) => void>();
  let nextRequest = 0;
  let queued: DecodeProgress[] = [];
  const frame = options.frame ?? ((deliver) => deliver());

  function deliver(): void {
    const batch = queued;
    queued = [];
    for (const progress of batch) listeners.get(progress.id)?.(progress);
  }

  port.listen((message) => {
    if (message.kind === 'progress') {
      queued.push(message);
      if (queued.length === 1) frame(deliver);
      return;
    }
    const resolve = pending.get(message.request);
    pending.delete(message.request);
    resolve?.((message.kind === 'report' ? message.report : message.kind === 'bytes' ? message.chunks : message.result) as never);
  });

  function ask<T>(message: PanelToWorkerMessage & { request: number }, transfer: Transferable[] = []): Promise<T> {
    return new Promise<T>((resolve) => {
      pending.set(message.request, resolve as (value: never) => void);
      port.postMessage(message, transfer);
    });
  }

  return {
    configure: (settings) => port.postMessage({ kind: 'settings', settings }),
    start(id, { requestBody, response }, onProgress) {
      listeners.set(id, onProgress);
      port.postMessage({ kind: 'start', id, requestBody, response });
    },
    push(id, chunks) {
      const transfer = chunks.flatMap((chunk) => (typeof chunk.bytes === 'string' ? [] : [chunk.bytes.buffer as ArrayBuffer]));
      port.postMessage({ kind: 'push', id, chunks }, transfer);
    },
    pushEncoded: (id, chunks) => port.postMessage({ kind: 'push-encoded', id, chunks }),
    tick: (id, at) => port.postMessage({ kind: 'tick', id, at }),
    end: (id, at, cancelled) => port.postMessage({ kind: 'end', id, at, cancelled }),
    remove(ids) {
      for (const id of ids) listeners.delete(id);
      port.postMessage({ kind: 'remove', ids: [...ids] });
    },
    report: (id) => ask({ kind: 'report', id, request: ++nextRequest }),
    bytes: (id) => ask({ kind: 'bytes', id, request: ++nextRequest }),
    readFile: (name, bytes, now) => ask({ kind: 'read-file', request: ++nextRequest, name, bytes, now }, [bytes.buffer as ArrayBuffer]),
  };
}
