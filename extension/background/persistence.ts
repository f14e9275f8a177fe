/// <reference types="chrome" />
/**
 * Writes the store's changes to `chrome.storage.session` (memory-backed, cleared with the browser
 * session, not readable by content scripts) so a restarted service worker loses nothing. Writes
 * are grouped: while one is in flight, later changes wait and go together in the next, so the
 * write rate follows storage speed rather than the stream's event rate.
 */
import type { TabStore } from './tab-store.js';

export type StorageArea = Pick<chrome.storage.StorageArea, 'get' | 'set' | 'remove'>;

export function createPersistence(store: TabStore, area: StorageArea, onError: (error: unknown) => void) {
  let waiters: (() => void)[] = [];
  let writing = false;

  /** Sets `items`; when storage is full, takes the oldest ended streams out of it and retries. */
  async function setMakingRoom(items: Record<string, unknown>): Promise<void> {
    for (;;) {
      try {
        return await area.set(items);
      } catch (error) {
        const room = store.unpersistOldest();
        if (!room.length) throw error;
        for (const key of room) delete items[key];
        await area.remove(room);
      }
    }
  }

  async function write(): Promise<void> {
    writing = true;
    while (waiters.length) {
      const done = waiters;
      waiters = [];
      const { set, remove } = store.takeChanges();
      try {
        if (remove.length) await area.remove(remove);
        if (Object.keys(set).length) await setMakingRoom(set);
      } catch (error) {
        // storage gone, or full of live streams: the data stays in memory and the relay is still
        // acknowledged (only a worker restart would lose it)
        onError(error);
      }
      for (const resolve of done) resolve();
    }
    writing = false;
  }

  return {
    /** Resolves once every change made before the call is stored. */
    saved(): Promise<void> {
      return new Promise((resolve) => {
        waiters.push(resolve);
        if (!writing) void write();
      });
    },
    async load(): Promise<void> {
      store.restore(await area.get(null));
    },
  };
}
