/**
 * The panel's store as the listener of the background client (`connectPanel` in
 * `connection/background-client.ts`): every connection replaces the captured streams with the tab's
 * snapshot, then live additions, data, ends, removals and navigations apply to the store.
 */
import type { PanelEvents } from './background-client.js';
import type { StreamEnd } from '../../shared/messages.js';
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
  // Snapshot streams that had already ended: their end applies once their bytes are in.
  const endedInSnapshot = new Map<string, { end: StreamEnd; truncated: boolean }>();
  return {
    reset({ preserveLog }) {
      streams.resetCaptured();
      endedInSnapshot.clear();
      store.preserveLog.value = preserveLog;
    },
    ready() {
      for (const [id, { end, truncated }] of endedInSnapshot) streams.end(id, end.at, end.outcome, endReason(end.error, truncated));
      endedInSnapshot.clear();
      hooks.onReady();
    },
    streamAdded(stream) {
      streams.start(stream.id, stream.meta);
      if (stream.end) endedInSnapshot.set(stream.id, { end: stream.end, truncated: stream.truncated });
    },
    data(streamId, chunks) {
      for (const chunk of chunks) streams.push(streamId, chunk.bytes, chunk.at);
    },
    ended(streamId, end, truncated) {
      endedInSnapshot.delete(streamId);
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
