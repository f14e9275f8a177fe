import { describe, expect, it } from 'vitest';
import { CAPTURE_PROTOCOL_VERSION, type RelayMessage, type StreamMeta } from '../shared/messages.js';
import { createPersistence, type StorageArea } from './persistence.js';
import { createTabStore } from './tab-store.js';

const meta: StreamMeta = {
  transport: 'fetch', url: 'http://127.0.0.1/sse', method: 'GET', requestHeaders: {}, requestBody: null, status: 200, statusText: 'OK',
  responseHeaders: {}, startedAt: 0, frameUrl: 'http://127.0.0.1/', bytes: 'wire', note: null,
};

/** A storage area with a byte quota, like `chrome.storage.session`. */
function memoryArea(quota: number) {
  const items = new Map<string, string>();
  const used = () => [...items].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
  const area = {
    async get() {
      return Object.fromEntries([...items].map(([key, value]) => [key, JSON.parse(value)]));
    },
    async set(values: Record<string, unknown>) {
      const next = new Map(items);
      for (const [key, value] of Object.entries(values)) next.set(key, JSON.stringify(value));
      if ([...next].reduce((sum, [key, value]) => sum + key.length + value.length, 0) > quota) throw new Error('QUOTA_BYTES quota exceeded');
      for (const [key, value] of next) items.set(key, value);
    },
    async remove(keys: string | string[]) {
      for (const key of [keys].flat()) items.delete(key);
    },
  };
  return { area: area as unknown as StorageArea, used };
}

function stream(store: ReturnType<typeof createTabStore>, seq: number, id: string, size: number, ended: boolean) {
  const messages: RelayMessage[] = [
    { kind: 'stream-start', streamId: id, meta },
    { kind: 'stream-chunk', streamId: id, chunk: { at: 1, base64: Buffer.alloc(size, 65).toString('base64') } },
  ];
  if (ended) messages.push({ kind: 'stream-end', streamId: id, end: { at: 2, outcome: 'complete' }, truncated: false });
  store.applyBatch({ tabId: 1, frameId: 0, documentId: 'd' }, { version: CAPTURE_PROTOCOL_VERSION, relay: 'r', batch: messages.map((message, index) => ({ seq: seq + index, message })) }, 0);
  return seq + messages.length;
}

describe('persistence', () => {
  it('restores what it stored into a fresh store', async () => {
    const { area } = memoryArea(1_000_000);
    const store = createTabStore();
    const persistence = createPersistence(store, area, () => undefined);
    stream(store, 0, 'a', 100, true);
    await persistence.saved();
    const restored = createTabStore();
    await createPersistence(restored, area, () => undefined).load();
    expect(restored.streamsOf(1).map((s) => [s.info.bytes, s.info.end?.outcome])).toEqual([[100, 'complete']]);
  });

  it('when storage is full, takes the oldest ended streams out of it and keeps the live one', async () => {
    const { area, used } = memoryArea(20_000);
    const store = createTabStore();
    const errors: unknown[] = [];
    const persistence = createPersistence(store, area, (error) => errors.push(error));
    let seq = stream(store, 0, 'old', 6_000, true);
    seq = stream(store, seq, 'older', 6_000, true);
    await persistence.saved();
    stream(store, seq, 'live', 6_000, false);
    await persistence.saved();
    expect(errors).toEqual([]);
    expect(used()).toBeLessThanOrEqual(20_000);
    expect(store.streamsOf(1)).toHaveLength(3);
    const restored = createTabStore();
    await createPersistence(restored, area, () => undefined).load();
    // "old" made room; "older" and the live stream survive a restart
    expect(restored.streamsOf(1).map((s) => [s.info.id, s.info.bytes, s.info.end?.outcome ?? 'live'])).toEqual([
      ['2', 6_000, 'complete'],
      ['3', 6_000, 'live'],
    ]);
  });
});
