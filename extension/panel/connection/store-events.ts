/**
 * The panel's store as the listener of the background client (`connectPanel` in
 * `connection/background-client.ts`): every connection replaces the captured streams with the tab's
 * snapshot, then live additions, data, truncations, ends, removals and navigations apply to the
 * store, and the capture budgets with the tab's use of them.
 */
import type { PanelEvents } from './background-client.js';
import type { PanelStore } from '../state/store.js';

/** What an end marked truncated says when no budget's note came before it. */
export const truncatedByCap = 'truncated: bytes past the size cap were dropped';

type Hooks = {
  /** The snapshot is in: from here on events are live. */
  onReady(): void;
  onProblem(problem: string | null): void;
};

export function storeEvents(store: PanelStore, hooks: Hooks): PanelEvents {
  const { streams, capture } = store;
  return {
    reset({ preserveLog, budgets, tabBytes }) {
      streams.resetCaptured();
      store.preserveLog.value = preserveLog;
      capture.budgets.value = budgets;
      capture.tabBytes.value = tabBytes;
    },
    ready: hooks.onReady,
    // The background sends every stream as it started, its bytes and its end following.
    streamAdded(stream) {
      streams.start(stream.id, stream.meta);
    },
    data(streamId, chunks) {
      streams.pushEncoded(streamId, chunks);
    },
    // shown at once, while the stream is still live: the page goes on, the capture has stopped
    truncated(streamId, bytes, note) {
      streams.get(streamId)?.truncate(note, bytes);
    },
    ended(streamId, end, truncated) {
      const entry = streams.get(streamId);
      if (truncated && entry && !entry.truncation) entry.truncate(truncatedByCap, entry.byteCount);
      streams.end(streamId, end.at, end.outcome, end.error);
    },
    removed(streamIds) {
      streams.remove(streamIds);
    },
    navigated(_url, removed) {
      // The background keeps the log when asked; streams from the network log follow the same rule.
      streams.remove(removed);
      if (!store.preserveLog.peek()) streams.removeFromNetworkLog();
    },
    preserveLog(value) {
      store.preserveLog.value = value;
    },
    budgets(budgets) {
      capture.budgets.value = budgets;
    },
    tabUsage(bytes) {
      capture.tabBytes.value = bytes;
    },
    notice: hooks.onProblem,
    problem: hooks.onProblem,
  };
}
