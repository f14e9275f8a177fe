/**
 * What changed in the capture since the last write, as storage keys (`storage-keys.ts`) to put
 * (a value) or delete (null). Chunks are grouped: each write adds one batch per stream that got
 * bytes, so the write rate follows storage speed, not the stream's event rate. A write that
 * failed is merged back under what changed since, and goes again.
 */
import type { CapturedChunk } from '../shared/messages.js';
import { keys } from './storage-keys.js';
import type { StreamRecord } from './stored-values.js';

export type Changes = Map<string, unknown | null>;

export function createChangeLog() {
  let changes: Changes = new Map();
  const pending = new Map<string, CapturedChunk[]>();
  /** Chunk batches per stream written or queued so far. */
  const batches = new Map<string, number>();
  return {
    putStream(record: StreamRecord): void {
      changes.set(keys.stream(record.info.id), record);
    },
    appendChunk(id: string, chunk: CapturedChunk): void {
      let list = pending.get(id);
      if (!list) pending.set(id, (list = []));
      list.push(chunk);
    },
    removeStream(id: string): void {
      pending.delete(id);
      for (let batch = 0; batch < (batches.get(id) ?? 0); batch++) changes.set(keys.chunks(id, batch), null);
      batches.delete(id);
      changes.set(keys.stream(id), null);
    },
    putTab(tabId: number, value: { preserveLog: boolean } | null): void {
      changes.set(keys.tab(tabId), value);
    },
    putRelay(relay: string, upTo: number | null): void {
      changes.set(keys.relay(relay), upTo);
    },
    /** A restored stream already has `count` batches stored. */
    restoredBatches(id: string, count: number): void {
      batches.set(id, count);
    },
    get empty(): boolean {
      return changes.size === 0 && pending.size === 0;
    },
    /** Everything changed since the last call. */
    take(): Changes {
      for (const [id, chunks] of pending) {
        const batch = batches.get(id) ?? 0;
        batches.set(id, batch + 1);
        changes.set(keys.chunks(id, batch), chunks);
      }
      pending.clear();
      const taken = changes;
      changes = new Map();
      return taken;
    },
    /** A write of `failed` did not happen: it goes again, under what changed since. */
    putBack(failed: Changes): void {
      for (const [key, value] of changes) failed.set(key, value);
      changes = failed;
    },
  };
}
export type ChangeLog = ReturnType<typeof createChangeLog>;
