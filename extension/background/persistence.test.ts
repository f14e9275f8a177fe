import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { batch, chunk, end, start } from '../test-support/capture.js';
import { openCaptureDb, type CaptureDb } from './capture-db.js';
import { createChangeLog } from './change-log.js';
import { createPersistence, type SessionArea } from './persistence.js';
import { keys } from './storage-keys.js';
import { createTabStore } from './tab-store.js';

const tab = { tabId: 1, frameId: 0, documentId: 'd' };
let dbs = 0;

function memorySession(): SessionArea {
  const items: Record<string, unknown> = {};
  return { get: async (key) => (key in items ? { [key]: items[key] } : {}), set: async (values) => void Object.assign(items, values) };
}

/** A worker's background state over the given storage (a fresh one is a restarted worker). */
async function worker(db: CaptureDb, session: SessionArea, warn = vi.fn()) {
  const log = createChangeLog();
  const store = createTabStore(log);
  const persistence = createPersistence({ store, log, db, session, warn, later: (run) => void setTimeout(run, 1) });
  await persistence.load('session-1');
  return { store, persistence, warn };
}

const text = (store: ReturnType<typeof createTabStore>) =>
  store.streamsOf(1).map((stream) => stream.chunks.map((c) => Buffer.from(c.base64, 'base64').toString()).join(''));

describe('persistence', () => {
  it('a restarted worker has exactly what was acknowledged, and skips what the relay re-sends', async () => {
    const db = await openCaptureDb(`test-${dbs++}`);
    const session = memorySession();
    const first = await worker(db, session);
    first.store.applyBatch(tab, batch('r', 0, [start('1'), chunk('1', 'a')]), 0);
    await first.persistence.saved();
    first.store.applyBatch(tab, batch('r', 2, [chunk('1', 'b'), end('1'), start('2')]), 0);
    first.store.setPreserveLog(1, true);
    await first.persistence.saved();

    const second = await worker(db, session);
    expect(text(second.store)).toEqual(['ab', '']);
    expect(second.store.streamsOf(1)[0].info.end?.outcome).toBe('complete');
    expect(second.store.preserveLog(1)).toBe(true);
    expect(second.store.applyBatch(tab, batch('r', 0, [start('1'), chunk('1', 'a')]), 0).messages).toEqual([]);
    second.store.applyBatch(tab, batch('r', 5, [start('3')]), 0);
    expect(new Set(second.store.streamsOf(1).map((s) => s.info.id)).size).toBe(3);

    second.store.removeTab(1);
    await second.persistence.saved();
    expect((await db.entries()).map(([key]) => key)).toEqual([]);
  });

  it('resolves saved() only after a write succeeds; a failed write goes again with later changes', async () => {
    const real = await openCaptureDb(`test-${dbs++}`);
    let failing = true;
    const db: CaptureDb = { ...real, apply: async (changes) => (failing ? Promise.reject(new Error('QuotaExceededError')) : real.apply(changes)) };
    const session = memorySession();
    const { store, persistence, warn } = await worker(db, session);
    store.applyBatch(tab, batch('r', 0, [start('1'), chunk('1', 'a')]), 0);
    let saved = false;
    const pending = persistence.saved().then(() => (saved = true));
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(saved).toBe(false);
    store.applyBatch(tab, batch('r', 2, [chunk('1', 'b')]), 0);
    failing = false;
    await pending;
    expect(text((await worker(real, session)).store)).toEqual(['ab']);
  });

  it('drops a corrupt stored entry with a warning instead of crashing, and keeps the rest', async () => {
    const db = await openCaptureDb(`test-${dbs++}`);
    const session = memorySession();
    const first = await worker(db, session);
    first.store.applyBatch(tab, batch('r', 0, [start('1'), chunk('1', 'a'), start('2'), chunk('2', 'b')]), 0);
    await first.persistence.saved();
    await db.apply(new Map<string, unknown>([[keys.stream('1'), { info: 'garbage' }], [keys.chunks('2', 1), [{ at: 'x' }]], ['junk', 1]]));
    const second = await worker(db, session);
    expect(second.warn.mock.calls.map(([message]) => message).sort()).toEqual([
      'dropped a stored capture entry (c:2:1): not a chunk batch',
      'dropped a stored capture entry (junk): an unknown key',
      'dropped a stored capture entry (s:1): not a stream record',
    ]);
    expect(text(second.store)).toEqual(['b']);
    expect((await db.entries()).map(([key]) => key).sort()).toEqual(['c:2:0', 'r:1:0:d:r', 's:2']);
  });

  it('a new browser session starts empty (IndexedDB outlives it, tab ids start over)', async () => {
    const db = await openCaptureDb(`test-${dbs++}`);
    const first = await worker(db, memorySession());
    first.store.applyBatch(tab, batch('r', 0, [start('1'), chunk('1', 'a')]), 0);
    await first.persistence.saved();
    const next = await worker(db, memorySession());
    expect(next.store.streamsOf(1)).toEqual([]);
    expect(await db.entries()).toEqual([]);
  });
});
