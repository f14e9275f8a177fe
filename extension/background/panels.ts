/**
 * The panels connected to each tab: a new panel first gets the tab's whole capture (every stream
 * as it started, then its bytes, then its end), then live messages.
 */
import { CAPTURE_PROTOCOL_VERSION } from '../shared/hops.js';
import type { BackgroundToPanelMessage, CapturedChunk } from '../shared/messages.js';
import type { Wall } from '../shared/wall/wall.js';
import type { TabStore } from './tab-store.js';

export type PanelWall = Pick<Wall<unknown, BackgroundToPanelMessage>, 'send'> & { onClose(listener: () => void): void };

/** Base64 characters per snapshot data message, well under Chrome's message size limit. */
const snapshotBatchChars = 1024 * 1024;

function* dataMessages(streamId: string, chunks: CapturedChunk[]): Generator<BackgroundToPanelMessage> {
  let batch: CapturedChunk[] = [];
  let size = 0;
  for (const chunk of chunks) {
    batch.push(chunk);
    size += chunk.base64.length;
    if (size >= snapshotBatchChars) {
      yield { kind: 'stream-data', streamId, chunks: batch };
      batch = [];
      size = 0;
    }
  }
  if (batch.length) yield { kind: 'stream-data', streamId, chunks: batch };
}

function* snapshot(store: TabStore, tabId: number): Generator<BackgroundToPanelMessage> {
  yield { kind: 'hello', version: CAPTURE_PROTOCOL_VERSION, tabId, preserveLog: store.preserveLog(tabId), budgets: store.budgets(), tabBytes: store.used(tabId).tab };
  for (const { info, chunks } of store.streamsOf(tabId)) {
    yield { kind: 'stream-added', stream: { ...info, bytes: 0, truncated: false, truncation: null, end: null } };
    yield* dataMessages(info.id, chunks);
    if (info.truncation) yield { kind: 'stream-truncated', streamId: info.id, bytes: info.bytes, note: info.truncation };
    if (info.end) yield { kind: 'stream-ended', streamId: info.id, end: info.end, truncated: info.truncated };
  }
  yield { kind: 'snapshot-done' };
}

export function createPanelHub(store: TabStore) {
  const panels = new Map<number, Set<PanelWall>>();
  return {
    add(tabId: number, panel: PanelWall): void {
      let set = panels.get(tabId);
      if (!set) panels.set(tabId, (set = new Set()));
      set.add(panel);
      panel.onClose(() => {
        set.delete(panel);
        if (!set.size) panels.delete(tabId);
      });
      for (const message of snapshot(store, tabId)) panel.send(message);
    },
    broadcast(tabId: number, messages: BackgroundToPanelMessage[]): void {
      for (const panel of panels.get(tabId) ?? []) for (const message of messages) panel.send(message);
    },
    /** To every panel of every tab. */
    broadcastAll(message: BackgroundToPanelMessage): void {
      for (const set of panels.values()) for (const panel of set) panel.send(message);
    },
  };
}
export type PanelHub = ReturnType<typeof createPanelHub>;
