/**
 * The panel's store as the listener of the background client (`connectPanel` in
 * `connection/background-client.ts`): every connection replaces the captured streams with the tab's
 * snapshot, then live additions, data, ends, removals and navigations apply to the store.
 */
import type { PanelEvents } from './background-client.js';
import type { PanelStore } from '../state/store.js';

function endReason(error: string | undefined, truncated: boolean): string | undefined {
  const reasons = [error, truncated ? 'truncated: bytes past the size cap were dropped' : undefined].filter(Boolean);
  return reasons.length ? reasons.join('; ') : undefined;
}

type Hooks = {
  /** The snapshot is in: from here on events are live. */
  onReady(): void;
  onProblem(problem: string | null): void;
};

export function storeEvents(store: PanelStore, hooks: Hooks): PanelEvents {
  const { streams } = store;
  return {
    reset({ preserveLog }) {
      streams.resetCaptured();
      store.preserveLog.value = preserveLog;
    },
    ready: hooks.onReady,
    // The background sends every stream as it started, its bytes and its end following.
    streamAdded(stream) {
      streams.start(stream.id, stream.meta);
    },
    data(streamId, chunks) {
      for (const chunk of chunks) streams.push(streamId, chunk.bytes, chunk.at);
    },
    ended(streamId, end, truncated) {
      streams.end(streamId, end.at, end.outcome, endReason(end.error, truncated));
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
    problem: hooks.onProblem,
  };
}
