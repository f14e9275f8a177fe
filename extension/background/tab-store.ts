/**
 * The background's model of every tab's captured streams: pure (no Chrome APIs), so it is unit
 * tested directly. Streams are found only by routes the background builds from the sender's real
 * tab, frame and document, never by ids the page supplies. Every change is recorded so
 * `persistence.ts` can write exactly what changed to `chrome.storage.session`.
 */
import { limits } from '../shared/hops.js';
import type {
  BackgroundToPanelMessage,
  CapturedChunk,
  RelayToBackgroundMessage,
  StreamInfo,
} from '../shared/messages.js';

export type StoredStream = {
  info: StreamInfo;
  chunks: CapturedChunk[];
  route: string;
  /** Epoch ms the background first heard of it (navigation clears what came before). */
  receivedAt: number;
  /** Chunk batches already written to storage. */
  batches: number;
  /** False once storage ran out of room and this (ended) stream was taken out of it. */
  persisted: boolean;
};

export type Sender = { tabId: number; frameId: number; documentId: string | undefined };

/** What changed since the last write, as storage keys. */
export type Changes = { set: Record<string, unknown>; remove: string[] };

export type TabEvents = { tabId: number; messages: BackgroundToPanelMessage[] };

export const keys = {
  stream: (id: string) => `s:${id}`,
  chunks: (id: string, batch: number) => `c:${id}:${batch}`,
  tab: (tabId: number) => `t:${tabId}`,
  relay: (relay: string) => `r:${relay}`,
  next: 'next',
};

export function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

export function createTabStore() {
  const streams = new Map<string, StoredStream>();
  const tabs = new Map<number, { preserveLog: boolean; ids: string[]; bytes: number }>();
  const routes = new Map<string, string>();
  const relaySeqs = new Map<string, number>();
  let nextId = 1;
  // pending storage writes
  const unsaved = new Map<string, CapturedChunk[]>();
  const dirtyStreams = new Set<string>();
  const dirtyTabs = new Set<number>();
  const dirtyRelays = new Set<string>();
  const removedKeys: string[] = [];

  const tabOf = (tabId: number) => {
    let tab = tabs.get(tabId);
    if (!tab) tabs.set(tabId, (tab = { preserveLog: false, ids: [], bytes: 0 }));
    return tab;
  };

  function removeStreams(tabId: number, ids: string[]): void {
    const tab = tabs.get(tabId);
    const gone = new Set(ids);
    for (const id of ids) {
      const stream = streams.get(id);
      if (!stream) continue;
      streams.delete(id);
      routes.delete(stream.route);
      unsaved.delete(id);
      dirtyStreams.delete(id);
      if (tab) tab.bytes -= stream.info.bytes;
      removedKeys.push(keys.stream(id));
      for (let batch = 0; batch < stream.batches; batch++) removedKeys.push(keys.chunks(id, batch));
    }
    if (tab) tab.ids = tab.ids.filter((id) => !gone.has(id));
  }

  /** Drops the oldest ended streams of a tab until `fits()`; returns their ids. */
  function evict(tabId: number, fits: () => boolean): string[] {
    const tab = tabOf(tabId);
    const evicted: string[] = [];
    for (const id of [...tab.ids]) {
      if (fits()) break;
      if (streams.get(id)?.info.end) {
        removeStreams(tabId, [id]);
        evicted.push(id);
      }
    }
    return evicted;
  }

  function start(sender: Sender, route: string, message: Extract<RelayToBackgroundMessage['batch'][number]['message'], { kind: 'stream-start' }>, now: number, out: BackgroundToPanelMessage[]): void {
    if (routes.has(route)) return;
    const tab = tabOf(sender.tabId);
    const evicted = evict(sender.tabId, () => tab.ids.length < limits.streamsPerTab);
    if (evicted.length) out.push({ kind: 'streams-removed', streamIds: evicted });
    if (tab.ids.length >= limits.streamsPerTab) return;
    const id = `${nextId++}`;
    const info: StreamInfo = { id, tabId: sender.tabId, frameId: sender.frameId, meta: message.meta, bytes: 0, truncated: false, end: null };
    streams.set(id, { info, chunks: [], route, receivedAt: now, batches: 0, persisted: true });
    routes.set(route, id);
    tab.ids.push(id);
    dirtyStreams.add(id);
    out.push({ kind: 'stream-added', stream: { ...info } });
  }

  function append(tabId: number, stream: StoredStream, chunk: CapturedChunk, out: BackgroundToPanelMessage[]): void {
    const size = decodedLength(chunk.base64);
    const tab = tabOf(tabId);
    if (stream.info.truncated || stream.info.end) return;
    if (stream.info.bytes + size > limits.streamBytes) {
      stream.info.truncated = true;
      dirtyStreams.add(stream.info.id);
      return;
    }
    if (tab.bytes + size > limits.tabBytes) {
      const evicted = evict(tabId, () => tab.bytes + size <= limits.tabBytes);
      if (evicted.length) out.push({ kind: 'streams-removed', streamIds: evicted });
      if (tab.bytes + size > limits.tabBytes) {
        stream.info.truncated = true;
        dirtyStreams.add(stream.info.id);
        return;
      }
    }
    stream.chunks.push(chunk);
    stream.info.bytes += size;
    tab.bytes += size;
    let pending = unsaved.get(stream.info.id);
    if (!pending) unsaved.set(stream.info.id, (pending = []));
    pending.push(chunk);
    dirtyStreams.add(stream.info.id);
    const last = out[out.length - 1];
    if (last?.kind === 'stream-data' && last.streamId === stream.info.id) last.chunks.push(chunk);
    else out.push({ kind: 'stream-data', streamId: stream.info.id, chunks: [chunk] });
  }

  return {
    /**
     * Applies one relay batch from `sender`; returns the panel messages for the sender's tab and
     * the sequence number to acknowledge. Messages already applied (re-sent after a worker
     * restart) are skipped.
     */
    applyBatch(sender: Sender, batch: RelayToBackgroundMessage, now: number): { events: TabEvents; upTo: number } {
      const relay = `${sender.tabId}:${sender.frameId}:${sender.documentId ?? ''}:${batch.relay}`;
      const out: BackgroundToPanelMessage[] = [];
      let upTo = relaySeqs.get(relay) ?? -1;
      for (const { seq, message } of batch.batch) {
        if (seq <= upTo) continue;
        upTo = seq;
        const route = `${relay}:${message.streamId}`;
        if (message.kind === 'stream-start') {
          start(sender, route, message, now, out);
          continue;
        }
        const stream = streams.get(routes.get(route) ?? '');
        if (!stream) continue;
        if (message.kind === 'stream-chunk') {
          append(sender.tabId, stream, message.chunk, out);
        } else if (!stream.info.end) {
          stream.info.end = message.end;
          stream.info.truncated ||= message.truncated;
          dirtyStreams.add(stream.info.id);
          out.push({ kind: 'stream-ended', streamId: stream.info.id, end: message.end, truncated: stream.info.truncated });
        }
      }
      relaySeqs.set(relay, upTo);
      dirtyRelays.add(relay);
      return { events: { tabId: sender.tabId, messages: out }, upTo };
    },

    /** The tab's top frame navigated at `at` (epoch ms): forget what came before unless preserving. */
    navigated(tabId: number, at: number): string[] {
      const tab = tabs.get(tabId);
      if (!tab || tab.preserveLog) return [];
      const removed = tab.ids.filter((id) => (streams.get(id)?.receivedAt ?? 0) < at);
      removeStreams(tabId, removed);
      return removed;
    },

    clear(tabId: number): string[] {
      const removed = [...(tabs.get(tabId)?.ids ?? [])];
      removeStreams(tabId, removed);
      return removed;
    },

    removeTab(tabId: number): string[] {
      const removed = [...(tabs.get(tabId)?.ids ?? [])];
      removeStreams(tabId, removed);
      tabs.delete(tabId);
      removedKeys.push(keys.tab(tabId));
      for (const relay of relaySeqs.keys()) {
        if (relay.startsWith(`${tabId}:`)) {
          relaySeqs.delete(relay);
          dirtyRelays.delete(relay);
          removedKeys.push(keys.relay(relay));
        }
      }
      return removed;
    },

    setPreserveLog(tabId: number, value: boolean): void {
      tabOf(tabId).preserveLog = value;
      dirtyTabs.add(tabId);
    },

    preserveLog(tabId: number): boolean {
      return tabs.get(tabId)?.preserveLog ?? false;
    },

    /** The tab's streams in arrival order. */
    streamsOf(tabId: number): StoredStream[] {
      return (tabs.get(tabId)?.ids ?? []).map((id) => streams.get(id)!);
    },

    /**
     * Storage is full: takes the oldest ended stream still stored out of storage (it stays in
     * memory while this worker lives) and returns its keys to remove; empty when none is left.
     */
    unpersistOldest(): string[] {
      const oldest = [...streams.values()].find((stream) => stream.persisted && stream.info.end);
      if (!oldest) return [];
      oldest.persisted = false;
      const keysOf = [keys.stream(oldest.info.id)];
      for (let batch = 0; batch < oldest.batches; batch++) keysOf.push(keys.chunks(oldest.info.id, batch));
      return keysOf;
    },

    /** Everything changed since the last call, as storage keys. */
    takeChanges(): Changes {
      const set: Record<string, unknown> = {};
      for (const id of dirtyStreams) {
        const stream = streams.get(id);
        if (!stream?.persisted) continue;
        const pending = unsaved.get(id);
        if (pending?.length) set[keys.chunks(id, stream.batches++)] = pending;
        set[keys.stream(id)] = { info: stream.info, route: stream.route, receivedAt: stream.receivedAt, batches: stream.batches };
      }
      for (const tabId of dirtyTabs) if (tabs.has(tabId)) set[keys.tab(tabId)] = { preserveLog: tabs.get(tabId)!.preserveLog };
      for (const relay of dirtyRelays) set[keys.relay(relay)] = relaySeqs.get(relay);
      if (dirtyStreams.size) set[keys.next] = nextId;
      const remove = removedKeys.splice(0);
      unsaved.clear();
      dirtyStreams.clear();
      dirtyTabs.clear();
      dirtyRelays.clear();
      return { set, remove };
    },

    /** Rebuilds the model from what `takeChanges` wrote (a restarted service worker). */
    restore(saved: Record<string, unknown>): void {
      const chunkBatches = new Map<string, [number, CapturedChunk[]][]>();
      for (const [key, value] of Object.entries(saved)) {
        const [kind, ...rest] = key.split(':');
        if (kind === 'c') {
          const [id, batch] = rest;
          const list = chunkBatches.get(id) ?? [];
          list.push([Number(batch), value as CapturedChunk[]]);
          chunkBatches.set(id, list);
        } else if (kind === 't') {
          tabOf(Number(rest[0])).preserveLog = (value as { preserveLog: boolean }).preserveLog;
        } else if (kind === 'r') {
          relaySeqs.set(rest.join(':'), value as number);
        } else if (key === keys.next) {
          nextId = Math.max(nextId, value as number);
        }
      }
      const restored = Object.entries(saved)
        .filter(([key]) => key.startsWith('s:'))
        .map(([, value]) => value as Omit<StoredStream, 'chunks'>)
        .sort((a, b) => Number(a.info.id) - Number(b.info.id));
      for (const saved of restored) {
        const batches = (chunkBatches.get(saved.info.id) ?? []).sort((a, b) => a[0] - b[0]);
        const stream: StoredStream = { ...saved, chunks: batches.flatMap(([, chunks]) => chunks), persisted: true };
        streams.set(saved.info.id, stream);
        routes.set(saved.route, saved.info.id);
        const tab = tabOf(saved.info.tabId);
        tab.ids.push(saved.info.id);
        tab.bytes += saved.info.bytes;
        nextId = Math.max(nextId, Number(saved.info.id) + 1);
      }
    },
  };
}
export type TabStore = ReturnType<typeof createTabStore>;
