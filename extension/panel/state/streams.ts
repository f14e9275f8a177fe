/**
 * The streams of the inspected tab, in arrival order. Live captures come from the page hook (via
 * the background); streams the hook missed come whole from DevTools' network log and are kept
 * only while no hooked stream matches them.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { CapturedChunk, StreamMeta } from '../../shared/messages.js';
import { createDecodeClient, type DecodeClient } from '../worker/decode-client.js';
import { inlineDecodePort } from '../worker/inline-port.js';
import type { ImportedStream } from '../view-model/imports.js';
import { isSameLogEntry, isSameRequest } from './same-request.js';
import { createStreamEntry, type StreamEntry, type StreamStatus } from './stream-entry.js';

export type StreamsStore = {
  readonly list: ReadonlySignal<readonly StreamEntry[]>;
  get(id: string): StreamEntry | undefined;
  start(id: string, meta: StreamMeta): StreamEntry;
  push(id: string, bytes: Uint8Array | string, at: number | null): void;
  /** Captured chunks as the background sent them (base64): the decode worker decodes them. */
  pushEncoded(id: string, chunks: readonly CapturedChunk[]): void;
  end(id: string, at: number | null, outcome: Exclude<StreamStatus, 'live'>, error?: string): void;
  /**
   * A whole response body from the network log; ignored when the hook captured the same request.
   * Without a body (DevTools kept none) the stream is listed but not judged.
   */
  addFromNetworkLog(meta: StreamMeta, body: string | null): StreamEntry | undefined;
  /** Streams read from a file; kept (like network-log ones) until cleared or the panel closes. */
  addImported(streams: readonly ImportedStream[]): StreamEntry[];
  remove(ids: readonly string[]): void;
  removeFromNetworkLog(): void;
  /** Forgets the captured streams (a fresh snapshot follows); network-log and imported streams stay. */
  resetCaptured(): void;
  /** Lets live streams notice stalls while no data arrives; `now` is epoch ms. */
  tickLive(now: number): void;
  /** Epoch ms of the last `tickLive`: live durations and stuck streams are shown against it. */
  readonly clock: ReadonlySignal<number>;
  clear(): void;
};

export type StreamsStoreOptions = {
  /** The decode worker's client; default: decoding in this thread (unit tests). */
  decoding?: DecodeClient;
  maxStreams?: number;
};

export function createStreamsStore(options: StreamsStoreOptions = {}): StreamsStore {
  const decoding = options.decoding ?? createDecodeClient(inlineDecodePort());
  const list = signal<readonly StreamEntry[]>([]);
  const byId = new Map<string, StreamEntry>();
  const maxStreams = options.maxStreams ?? 500;
  let networkLogCount = 0;
  let importedCount = 0;
  const clock = signal(Date.now());

  function setList(next: readonly StreamEntry[]): void {
    // Past the cap the oldest ended streams go first; live ones are never dropped.
    let kept = next;
    while (kept.length > maxStreams) {
      const oldestEnded = kept.findIndex((entry) => entry.status.peek() !== 'live');
      if (oldestEnded < 0) break;
      kept = kept.filter((_, index) => index !== oldestEnded);
    }
    const keptIds = new Set(kept.map((entry) => entry.id));
    const gone = [...byId.keys()].filter((id) => !keptIds.has(id));
    if (gone.length > 0) decoding.remove(gone);
    byId.clear();
    for (const entry of kept) byId.set(entry.id, entry);
    list.value = kept;
  }

  function isFromNetworkLog(entry: StreamEntry): boolean {
    return entry.meta.transport === 'network-log';
  }

  /** Streams the background does not know of: a fresh snapshot keeps them. */
  function isLocal(entry: StreamEntry): boolean {
    return isFromNetworkLog(entry) || entry.imported !== null;
  }

  function start(id: string, meta: StreamMeta): StreamEntry {
    const existing = byId.get(id);
    if (existing) return existing;
    const entry = createStreamEntry(id, meta, decoding);
    const others = list.peek().filter((other) => !(isFromNetworkLog(other) && isSameRequest(meta, other.meta)));
    setList([...others, entry]);
    return entry;
  }

  return {
    list,
    get: (id) => byId.get(id),
    start,
    push(id, bytes, at) {
      byId.get(id)?.push(bytes, at);
    },
    pushEncoded(id, chunks) {
      byId.get(id)?.pushEncoded(chunks);
    },
    end(id, at, outcome, error) {
      byId.get(id)?.end(at, outcome, error);
    },
    addFromNetworkLog(meta, body) {
      const known = list
        .peek()
        .some((entry) =>
          isFromNetworkLog(entry) ? isSameLogEntry(entry.meta, meta) : isSameRequest(entry.meta, meta),
        );
      if (known) return undefined;
      const entry = createStreamEntry(`network-log:${++networkLogCount}`, { ...meta, transport: 'network-log' }, decoding);
      if (body === null) {
        entry.closeUndecoded();
      } else {
        entry.push(body, null);
        entry.end(null, 'complete');
      }
      setList([...list.peek(), entry]);
      return entry;
    },
    addImported(streams) {
      const entries = streams.map((stream) => {
        const entry = createStreamEntry(`imported:${++importedCount}`, stream.meta, decoding, { imported: stream.source, headersKnown: stream.headersKnown });
        if (stream.chunks === null) {
          entry.closeUndecoded();
        } else {
          entry.pushAll(stream.chunks);
          entry.end(stream.endedAt, stream.error ? 'error' : 'complete', stream.error);
        }
        return entry;
      });
      setList([...list.peek(), ...entries]);
      return entries;
    },
    remove(ids) {
      const gone = new Set(ids);
      setList(list.peek().filter((entry) => !gone.has(entry.id)));
    },
    removeFromNetworkLog() {
      setList(list.peek().filter((entry) => !isFromNetworkLog(entry)));
    },
    resetCaptured() {
      setList(list.peek().filter(isLocal));
    },
    clock,
    tickLive(now) {
      clock.value = now;
      for (const entry of list.peek()) {
        if (entry.status.peek() === 'live') entry.tick(Math.max(0, now - entry.meta.startedAt));
      }
    },
    clear() {
      setList([]);
    },
  };
}
