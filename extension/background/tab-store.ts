/**
 * The background's model of every tab's captured streams: pure (no browser APIs), so it is unit
 * tested directly. Relay batches are routed by `stream-routes.ts`, bytes admitted by the budgets
 * of `quota.ts`, and every change is recorded in the change log that `persistence.ts` writes.
 */
import { limits } from '../shared/hops.js';
import { defaultBudgets, type BackgroundToPanelMessage, type Budgets, type CapturedChunk, type RelayMessage, type RelayToBackgroundMessage, type StreamInfo } from '../shared/messages.js';
import type { ChangeLog } from './change-log.js';
import { decodedLength } from '../shared/base64.js';
import { consistentBudgets, metaBytes, refusal, truncationNote, type Refusal } from './quota.js';
import { createStreamRoutes, type Sender } from './stream-routes.js';
import type { StreamRecord } from './stored-values.js';

export type StoredStream = StreamRecord & { chunks: CapturedChunk[] };
type Tab = { preserveLog: boolean; ids: string[]; bytes: number };
type StartMessage = Extract<RelayMessage, { kind: 'stream-start' }>;

export type BatchResult = { tabId: number; messages: BackgroundToPanelMessage[]; relay: string; upTo: number };

export function createTabStore(log: ChangeLog, initialBudgets: Budgets = defaultBudgets) {
  const streams = new Map<string, StoredStream>();
  const tabs = new Map<number, Tab>();
  const routes = createStreamRoutes();
  let budgets = consistentBudgets(initialBudgets);
  let totalBytes = 0;
  let nextId = 1;

  const tabOf = (tabId: number) => {
    let tab = tabs.get(tabId);
    if (!tab) tabs.set(tabId, (tab = { preserveLog: false, ids: [], bytes: 0 }));
    return tab;
  };
  const costOf = (stream: StoredStream) => stream.info.bytes + metaBytes(stream.info.meta);
  const record = ({ info, route, receivedAt }: StoredStream): StreamRecord => ({ info, route, receivedAt });

  function removeStreams(tabId: number, ids: string[]): void {
    const tab = tabs.get(tabId);
    const gone = new Set(ids);
    for (const id of ids) {
      const stream = streams.get(id);
      if (!stream) continue;
      streams.delete(id);
      routes.remove(stream.route);
      const cost = costOf(stream);
      if (tab) tab.bytes -= cost;
      totalBytes -= cost;
      log.removeStream(id);
    }
    if (tab) tab.ids = tab.ids.filter((id) => !gone.has(id));
  }

  /** Drops the tab's oldest ended streams until `fits()`; returns their ids. */
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

  /**
   * Whether `size` more bytes of a stream (`used` so far) fit the budgets; the tab's own ended
   * streams make room first (never another tab's). Null when they fit, else the budget refusing.
   */
  function admit(tabId: number, used: number, size: number, out: BackgroundToPanelMessage[]): Refusal | null {
    const tab = tabOf(tabId);
    const refused = () => refusal(budgets, { stream: used, tab: tab.bytes, total: totalBytes }, size);
    const first = refused();
    if (first === null || first === 'stream') return first;
    const evicted = evict(tabId, () => refused() === null);
    if (evicted.length) out.push({ kind: 'streams-removed', streamIds: evicted });
    return refused();
  }

  function truncate(stream: StoredStream, refused: Refusal | 'relay', out: BackgroundToPanelMessage[]): void {
    stream.info.truncated = true;
    stream.info.truncation ??= truncationNote(refused);
    log.putStream(record(stream));
    out.push({ kind: 'stream-truncated', streamId: stream.info.id, bytes: stream.info.bytes, note: stream.info.truncation });
  }

  /** Returns false when the start was dropped (the tab is at its stream count or budget). */
  function start(sender: Sender, route: string, message: StartMessage, now: number, out: BackgroundToPanelMessage[]): boolean {
    if (routes.has(route)) return true;
    const tab = tabOf(sender.tabId);
    const evicted = evict(sender.tabId, () => tab.ids.length < limits.streamsPerTab);
    if (evicted.length) out.push({ kind: 'streams-removed', streamIds: evicted });
    const cost = metaBytes(message.meta);
    if (tab.ids.length >= limits.streamsPerTab || admit(sender.tabId, 0, cost, out) !== null) return false;
    const id = `${nextId++}`;
    const info: StreamInfo = { id, tabId: sender.tabId, frameId: sender.frameId, meta: message.meta, bytes: 0, truncated: false, truncation: null, end: null };
    const stream: StoredStream = { info, chunks: [], route, receivedAt: now };
    streams.set(id, stream);
    routes.add(route, id);
    tab.ids.push(id);
    tab.bytes += cost;
    totalBytes += cost;
    log.putStream(record(stream));
    out.push({ kind: 'stream-added', stream: { ...info } });
    return true;
  }

  function append(tabId: number, stream: StoredStream, chunk: CapturedChunk, out: BackgroundToPanelMessage[]): void {
    if (stream.info.truncated || stream.info.end) return;
    const size = decodedLength(chunk.base64);
    const refused = admit(tabId, stream.info.bytes, size, out);
    if (refused) return truncate(stream, refused, out);
    stream.chunks.push(chunk);
    stream.info.bytes += size;
    tabOf(tabId).bytes += size;
    totalBytes += size;
    log.appendChunk(stream.info.id, chunk);
    log.putStream(record(stream));
    const last = out[out.length - 1];
    if (last?.kind === 'stream-data' && last.streamId === stream.info.id) last.chunks.push(chunk);
    else out.push({ kind: 'stream-data', streamId: stream.info.id, chunks: [chunk] });
  }

  function end(stream: StoredStream, message: Extract<RelayMessage, { kind: 'stream-end' }>, out: BackgroundToPanelMessage[]): void {
    if (stream.info.end) return;
    if (message.truncated && !stream.info.truncated) truncate(stream, 'relay', out);
    stream.info.end = message.end;
    log.putStream(record(stream));
    out.push({ kind: 'stream-ended', streamId: stream.info.id, end: message.end, truncated: stream.info.truncated });
  }

  return {
    /**
     * Applies one relay batch from `sender`: the panel messages for the sender's tab, and the
     * relay's sequence number to acknowledge once stored. Messages already applied (re-sent after
     * a worker restart) are skipped.
     */
    applyBatch(sender: Sender, batch: RelayToBackgroundMessage, now: number): BatchResult {
      const relay = routes.relayKey(sender, batch.relay);
      const out: BackgroundToPanelMessage[] = [];
      let upTo = routes.appliedUpTo(relay);
      const dropped = { streams: 0, bytes: 0 };
      for (const { seq, message } of batch.batch) {
        if (seq <= upTo) continue;
        upTo = seq;
        if (message.kind === 'dropped') {
          dropped.streams += message.streams;
          dropped.bytes += message.bytes;
          continue;
        }
        const route = routes.routeOf(relay, message.streamId);
        if (message.kind === 'stream-start') {
          if (!start(sender, route, message, now, out)) dropped.streams++;
          continue;
        }
        const stream = streams.get(routes.streamOf(route) ?? '');
        if (!stream) continue;
        if (message.kind === 'stream-chunk') append(sender.tabId, stream, message.chunk, out);
        else end(stream, message, out);
      }
      if (dropped.streams) out.push({ kind: 'notice', text: `${dropped.streams} stream${dropped.streams === 1 ? '' : 's'} of this tab not captured: the page started streams faster than the capture budget allows` });
      routes.setApplied(relay, upTo);
      log.putRelay(relay, upTo);
      return { tabId: sender.tabId, messages: out, relay, upTo };
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
      log.putTab(tabId, null);
      for (const relay of routes.removeTab(tabId)) log.putRelay(relay, null);
      return removed;
    },

    setPreserveLog(tabId: number, value: boolean): void {
      tabOf(tabId).preserveLog = value;
      log.putTab(tabId, { preserveLog: value });
    },

    preserveLog: (tabId: number): boolean => tabs.get(tabId)?.preserveLog ?? false,

    budgets: (): Budgets => budgets,
    /** New budgets apply to bytes from now on: what is kept stays. */
    setBudgets(next: Budgets): Budgets {
      budgets = consistentBudgets(next);
      return budgets;
    },

    /** Bytes kept for the tab and in total, metadata included. */
    used: (tabId: number) => ({ tab: tabs.get(tabId)?.bytes ?? 0, total: totalBytes }),

    /** The tab's streams in arrival order. */
    streamsOf(tabId: number): StoredStream[] {
      return (tabs.get(tabId)?.ids ?? []).map((id) => streams.get(id)!);
    },

    /** Puts back a stream read from storage (already validated), with the chunks stored for it. */
    restoreStream(saved: StreamRecord, chunks: CapturedChunk[]): void {
      if (streams.has(saved.info.id)) return;
      // The bytes are what storage kept: a write that never happened is not counted.
      const info = { ...saved.info, bytes: chunks.reduce((sum, chunk) => sum + decodedLength(chunk.base64), 0) };
      const stream: StoredStream = { ...saved, info, chunks };
      streams.set(info.id, stream);
      routes.add(saved.route, info.id);
      const tab = tabOf(info.tabId);
      tab.ids.push(info.id);
      tab.ids.sort((a, b) => Number(a) - Number(b));
      const cost = costOf(stream);
      tab.bytes += cost;
      totalBytes += cost;
      nextId = Math.max(nextId, Number(info.id) + 1);
    },
    restoreTab(tabId: number, prefs: { preserveLog: boolean }): void {
      tabOf(tabId).preserveLog = prefs.preserveLog;
    },
    restoreRelay(relay: string, upTo: number): void {
      routes.setApplied(relay, upTo);
    },
  };
}
export type TabStore = ReturnType<typeof createTabStore>;
