/// <reference types="chrome" />
/**
 * The panels connected to each tab: a new panel first gets the tab's whole capture (every stream
 * with all its bytes so far), then live messages.
 */
import { CAPTURE_PROTOCOL_VERSION } from '../shared/hops.js';
import type { BackgroundToPanelMessage, CapturedChunk } from '../shared/messages.js';
import type { TabStore } from './tab-store.js';

type PanelPort = Pick<chrome.runtime.Port, 'postMessage' | 'onDisconnect'>;

/** Base64 characters per snapshot data message, well under Chrome's message size limit. */
const snapshotBatchChars = 1024 * 1024;

export function post(port: Pick<chrome.runtime.Port, 'postMessage'>, message: unknown): void {
  try {
    port.postMessage(message);
  } catch {
    // the other side is gone; its onDisconnect cleans up
  }
}

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

export function createPanelHub(store: TabStore) {
  const panels = new Map<number, Set<PanelPort>>();
  return {
    add(tabId: number, port: PanelPort): void {
      let set = panels.get(tabId);
      if (!set) panels.set(tabId, (set = new Set()));
      set.add(port);
      port.onDisconnect.addListener(() => {
        set.delete(port);
        if (!set.size) panels.delete(tabId);
      });
      post(port, { kind: 'hello', version: CAPTURE_PROTOCOL_VERSION, tabId, preserveLog: store.preserveLog(tabId) } satisfies BackgroundToPanelMessage);
      for (const { info, chunks } of store.streamsOf(tabId)) {
        // as when it started: bytes and the end follow in their own messages
        post(port, { kind: 'stream-added', stream: { ...info, bytes: 0, truncated: false, end: null } } satisfies BackgroundToPanelMessage);
        for (const message of dataMessages(info.id, chunks)) post(port, message);
        if (info.end) post(port, { kind: 'stream-ended', streamId: info.id, end: info.end, truncated: info.truncated } satisfies BackgroundToPanelMessage);
      }
      post(port, { kind: 'snapshot-done' } satisfies BackgroundToPanelMessage);
    },
    broadcast(tabId: number, messages: BackgroundToPanelMessage[]): void {
      const set = panels.get(tabId);
      if (!set) return;
      for (const port of set) for (const message of messages) post(port, message);
    },
  };
}
export type PanelHub = ReturnType<typeof createPanelHub>;
