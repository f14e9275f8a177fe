/**
 * The panel's store as the listener of the background client (`connectPanel` in
 * `connection/background-client.ts`): every connection replaces the captured streams with the tab's
 * snapshot, then live additions, data, ends, removals and navigations apply to the store.
 */
import type { PanelEvents } from './background-client.js';
import type { Budgets } from '../../shared/messages.js';
import type { PanelStore } from '../state/store.js';

const truncatedByCap = 'truncated: bytes past the size cap were dropped';

function endReason(error: string | undefined, truncation: string | undefined): string | undefined {
  const reasons = [error, truncation].filter(Boolean);
  return reasons.length ? reasons.join('; ') : undefined;
}

type Hooks = {
  /** The snapshot is in: from here on events are live. */
  onReady(): void;
  onProblem(problem: string | null): void;
  /** The capture budgets, on every connection and whenever a panel changes them. */
  onBudgets?(budgets: Budgets): void;
};

export function storeEvents(store: PanelStore, hooks: Hooks): PanelEvents {
  const { streams } = store;
  // Which budget truncated a stream, said when its end comes.
  const truncations = new Map<string, string>();
  return {
    reset({ preserveLog, budgets }) {
      streams.resetCaptured();
      truncations.clear();
      store.preserveLog.value = preserveLog;
      hooks.onBudgets?.(budgets);
    },
    ready: hooks.onReady,
    // The background sends every stream as it started, its bytes and its end following.
    streamAdded(stream) {
      streams.start(stream.id, stream.meta);
    },
    data(streamId, chunks) {
      for (const chunk of chunks) streams.push(streamId, chunk.bytes, chunk.at);
    },
    truncated(streamId, _bytes, note) {
      truncations.set(streamId, note);
    },
    ended(streamId, end, truncated) {
      const truncation = truncations.get(streamId) ?? (truncated ? truncatedByCap : undefined);
      truncations.delete(streamId);
      streams.end(streamId, end.at, end.outcome, endReason(end.error, truncation));
    },
    removed(streamIds) {
      for (const id of streamIds) truncations.delete(id);
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
      hooks.onBudgets?.(budgets);
    },
    notice: hooks.onProblem,
    problem: hooks.onProblem,
  };
}
