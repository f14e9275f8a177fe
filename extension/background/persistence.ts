/**
 * Writes the capture's changes to IndexedDB (`capture-db.ts`) and reads them back after Chrome
 * restarts the service worker. `saved()` resolves only once everything changed before the call is
 * stored, so the relay is acknowledged only for what a restarted worker will have; a failed write
 * is logged and goes again (after a growing pause) with what changed since, and until then the
 * relay keeps its copy. Writes are grouped: while one is in flight, later changes wait and go
 * together in the next.
 */
import { backoffMs } from '../shared/wall/port-wall.js';
import type { CapturedChunk } from '../shared/messages.js';
import type { CaptureDb } from './capture-db.js';
import type { ChangeLog } from './change-log.js';
import { keys, parseKey } from './storage-keys.js';
import { chunkBatchSchema, relaySeqSchema, streamRecordSchema, tabPrefsSchema, type StreamRecord } from './stored-values.js';
import type { TabStore } from './tab-store.js';

/** Where the browser session's marker is kept: `storage.session`, cleared with the session. */
export type SessionArea = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

export type PersistenceOptions = {
  store: TabStore;
  log: ChangeLog;
  db: CaptureDb;
  session: SessionArea;
  /** Warnings (a failed write, a corrupt stored value): logged, never thrown. */
  warn(message: string, detail?: unknown): void;
  later?(run: () => void, ms: number): void;
};

export function createPersistence({ store, log, db, session, warn, later = (run, ms) => void setTimeout(run, ms) }: PersistenceOptions) {
  let waiters: (() => void)[] = [];
  let writing = false;
  let failures = 0;

  async function write(): Promise<void> {
    writing = true;
    while (waiters.length) {
      const done = waiters;
      waiters = [];
      const changes = log.take();
      try {
        if (changes.size) await db.apply(changes);
        failures = 0;
        for (const resolve of done) resolve();
      } catch (error) {
        warn('could not store the capture; trying again', error);
        log.putBack(changes);
        waiters = [...done, ...waiters];
        await new Promise<void>((resolve) => later(resolve, backoffMs(++failures)));
      }
    }
    writing = false;
  }

  /** Puts back what storage holds, dropping (with a warning) every value that does not fit. */
  function restore(entries: [string, unknown][]): string[] {
    const corrupt: string[] = [];
    const records: StreamRecord[] = [];
    const chunkBatches = new Map<string, [number, CapturedChunk[]][]>();
    const drop = (key: string, why: string) => {
      warn(`dropped a stored capture entry (${key}): ${why}`);
      corrupt.push(key);
    };
    for (const [key, value] of entries) {
      const parsed = parseKey(key);
      if (parsed?.kind === 'stream') {
        const result = streamRecordSchema.safeParse(value);
        if (result.success && result.data.info.id === parsed.id) records.push(result.data);
        else drop(key, 'not a stream record');
      } else if (parsed?.kind === 'chunks') {
        const result = chunkBatchSchema.safeParse(value);
        if (!result.success) drop(key, 'not a chunk batch');
        else chunkBatches.set(parsed.id, [...(chunkBatches.get(parsed.id) ?? []), [parsed.batch, result.data]]);
      } else if (parsed?.kind === 'tab') {
        const result = tabPrefsSchema.safeParse(value);
        if (result.success) store.restoreTab(parsed.tabId, result.data);
        else drop(key, 'not tab preferences');
      } else if (parsed?.kind === 'relay') {
        const result = relaySeqSchema.safeParse(value);
        if (result.success) store.restoreRelay(parsed.relay, result.data);
        else drop(key, 'not a sequence number');
      } else {
        drop(key, 'an unknown key');
      }
    }
    for (const record of records) {
      const batches = (chunkBatches.get(record.info.id) ?? []).sort((a, b) => a[0] - b[0]);
      chunkBatches.delete(record.info.id);
      // A gap in the batches (a corrupt one was dropped) would splice bytes: keep what precedes it.
      const contiguous = batches.filter(([batch], index) => batch === index);
      if (contiguous.length < batches.length) {
        record.info.truncated = true;
        record.info.truncation ??= 'truncated: part of the stored capture was unreadable';
        for (const [batch] of batches.slice(contiguous.length)) corrupt.push(keys.chunks(record.info.id, batch));
      }
      store.restoreStream(record, contiguous.flatMap(([, chunks]) => chunks));
      log.restoredBatches(record.info.id, contiguous.length);
    }
    // Batches of no stream: left over from a removal that never finished.
    for (const [id, batches] of chunkBatches) for (const [batch] of batches) corrupt.push(keys.chunks(id, batch));
    return corrupt;
  }

  return {
    /** Resolves once every change made before the call is stored. */
    saved(): Promise<void> {
      return new Promise((resolve) => {
        waiters.push(resolve);
        if (!writing) void write();
      });
    },
    /**
     * Restores the capture of this browser session; a new session (IndexedDB outlives it, while
     * tab ids start over) starts empty.
     */
    async load(sessionId: string): Promise<void> {
      const marker = (await session.get(keys.session))[keys.session];
      if (marker === undefined) {
        await db.clear();
        await session.set({ [keys.session]: sessionId });
        return;
      }
      const corrupt = restore(await db.entries());
      if (corrupt.length) await db.apply(new Map(corrupt.map((key) => [key, null])));
    },
  };
}
export type Persistence = ReturnType<typeof createPersistence>;
