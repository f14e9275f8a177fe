/**
 * Applies the background's messages (`BackgroundToPanelMessage`) to the panel's store: a snapshot
 * of the tab on every connection, then live additions, data, ends and clears.
 */
import type { BackgroundToPanelMessage, CapturedChunk, StreamEnd } from '../../shared/messages.js';
import { CAPTURE_PROTOCOL_VERSION } from '../../shared/hops.js';
import type { PanelStore } from '../state/store.js';

export function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function endReason(error: string | undefined, truncated: boolean): string | undefined {
  const reasons = [error, truncated ? 'truncated: bytes past the size cap were dropped' : undefined].filter(Boolean);
  return reasons.length ? reasons.join('; ') : undefined;
}

export type BackgroundFeed = {
  /** Returns a problem to show the user (a version mismatch), or null. */
  apply(message: BackgroundToPanelMessage): string | null;
};

export function createBackgroundFeed(store: PanelStore): BackgroundFeed {
  const { streams } = store;
  // Snapshot streams that had already ended: their end applies once their bytes are in.
  const endedInSnapshot = new Map<string, { end: StreamEnd; truncated: boolean }>();

  function apply(message: BackgroundToPanelMessage): string | null {
  switch (message.kind) {
    case 'hello':
      // Every connection starts with a full snapshot: what we hold is replaced by it.
      streams.resetCaptured();
      endedInSnapshot.clear();
      store.preserveLog.value = message.preserveLog;
      return message.version === CAPTURE_PROTOCOL_VERSION
        ? null
        : `The background speaks capture protocol ${message.version}, this panel ${CAPTURE_PROTOCOL_VERSION}: reload the extension.`;
    case 'stream-added': {
      const { stream } = message;
      streams.start(stream.id, stream.meta);
      if (stream.end) endedInSnapshot.set(stream.id, { end: stream.end, truncated: stream.truncated });
      return null;
    }
    case 'stream-data':
      for (const chunk of message.chunks as CapturedChunk[]) streams.push(message.streamId, base64Bytes(chunk.base64), chunk.at);
      return null;
    case 'stream-ended':
      endedInSnapshot.delete(message.streamId);
      streams.end(message.streamId, message.end.at, message.end.outcome, endReason(message.end.error, message.truncated));
      return null;
    case 'streams-removed':
      streams.remove(message.streamIds);
      return null;
    case 'navigated':
      // The background keeps the log when asked; streams from the network log follow the same rule.
      streams.remove(message.removed);
      if (!store.preserveLog.peek()) streams.removeFromNetworkLog();
      return null;
    case 'preserve-log':
      store.preserveLog.value = message.value;
      return null;
    case 'snapshot-done':
      for (const [id, { end, truncated }] of endedInSnapshot) streams.end(id, end.at, end.outcome, endReason(end.error, truncated));
      endedInSnapshot.clear();
      return null;
  }
  }

  return { apply };
}
