/**
 * The capture's storage: one IndexedDB object store of key → value (keys from `storage-keys.ts`),
 * opened from the worker with `idb`. IndexedDB's budget is a share of the disk, so a stream of any
 * size the budgets allow is stored whole (`storage.session` holds 10 MB in Chrome). Each write is
 * one transaction: stream records, chunk batches and relay sequence numbers land together or not
 * at all, so what a restarted worker acknowledges always matches what it restored.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Changes } from './change-log.js';

const storeName = 'capture';

export type CaptureDb = {
  entries(): Promise<[string, unknown][]>;
  apply(changes: Changes): Promise<void>;
  clear(): Promise<void>;
};

export async function openCaptureDb(name = 'streamscope'): Promise<CaptureDb> {
  const db: IDBPDatabase = await openDB(name, 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore(storeName);
    },
  });
  return {
    async entries() {
      const transaction = db.transaction(storeName);
      const [keys, values] = await Promise.all([transaction.store.getAllKeys(), transaction.store.getAll()]);
      return keys.map((key, index) => [String(key), values[index]]);
    },
    async apply(changes) {
      const transaction = db.transaction(storeName, 'readwrite');
      for (const [key, value] of changes) {
        if (value === null) void transaction.store.delete(key);
        else void transaction.store.put(value, key);
      }
      await transaction.done;
    },
    clear: () => db.clear(storeName),
  };
}
