import { describe, expect, it } from 'vitest';
import { CAPTURE_PROTOCOL_VERSION, limits, type RelayMessage, type RelayToBackgroundMessage, type StreamMeta } from '../shared/messages.js';
import { createTabStore, decodedLength } from './tab-store.js';

const meta: StreamMeta = {
  transport: 'fetch', url: 'http://127.0.0.1/sse', method: 'GET', requestHeaders: {}, requestBody: null, status: 200, statusText: 'OK',
  responseHeaders: {}, startedAt: 0, frameUrl: 'http://127.0.0.1/', bytes: 'wire', note: null,
};
const b64 = (text: string) => Buffer.from(text).toString('base64');

function batch(relay: string, from: number, messages: RelayMessage[]): RelayToBackgroundMessage {
  return { version: CAPTURE_PROTOCOL_VERSION, relay, batch: messages.map((message, index) => ({ seq: from + index, message })) };
}
const start = (streamId: string): RelayMessage => ({ kind: 'stream-start', streamId, meta });
const chunk = (streamId: string, text: string, at = 1): RelayMessage => ({ kind: 'stream-chunk', streamId, chunk: { at, base64: b64(text) } });
const end = (streamId: string): RelayMessage => ({ kind: 'stream-end', streamId, end: { at: 9, outcome: 'complete' }, truncated: false });
const tabA = { tabId: 1, frameId: 0, documentId: 'docA' };
const tabB = { tabId: 2, frameId: 0, documentId: 'docB' };
const text = (store: ReturnType<typeof createTabStore>, tabId: number) =>
  store.streamsOf(tabId).map((stream) => stream.chunks.map((c) => Buffer.from(c.base64, 'base64').toString()).join(''));

describe('tab store', () => {
  it('routes by the sender, so equal page stream ids in two tabs stay apart', () => {
    const store = createTabStore();
    store.applyBatch(tabA, batch('r', 0, [start('1'), chunk('1', 'a')]), 0);
    store.applyBatch(tabB, batch('r', 0, [start('1'), chunk('1', 'b'), end('1')]), 0);
    expect(text(store, 1)).toEqual(['a']);
    expect(text(store, 2)).toEqual(['b']);
    expect(store.streamsOf(1)[0].info.end).toBeNull();
  });

  it('skips messages re-sent after a restart and acknowledges the highest sequence', () => {
    const store = createTabStore();
    store.applyBatch(tabA, batch('r', 0, [start('1'), chunk('1', 'a')]), 0);
    const { upTo, events } = store.applyBatch(tabA, batch('r', 0, [start('1'), chunk('1', 'a'), chunk('1', 'b')]), 0);
    expect(upTo).toBe(2);
    expect(text(store, 1)).toEqual(['ab']);
    expect(events.messages).toEqual([{ kind: 'stream-data', streamId: '1', chunks: [{ at: 1, base64: b64('b') }] }]);
  });

  it('ignores chunks for streams never started and messages after the end', () => {
    const store = createTabStore();
    const { events } = store.applyBatch(tabA, batch('r', 0, [chunk('7', 'x'), start('1'), end('1'), chunk('1', 'late')]), 0);
    expect(events.messages.map((message) => message.kind)).toEqual(['stream-added', 'stream-ended']);
    expect(text(store, 1)).toEqual(['']);
  });

  it('truncates a stream past its byte cap', () => {
    const store = createTabStore();
    const big = 'x'.repeat(limits.chunkBytes);
    const messages = [start('1'), ...Array.from({ length: limits.streamBytes / limits.chunkBytes + 1 }, () => chunk('1', big))];
    for (let from = 0; from < messages.length; from += limits.batchMessages) store.applyBatch(tabA, batch('r', from, messages.slice(from, from + limits.batchMessages)), 0);
    const [stream] = store.streamsOf(1);
    expect(stream.info.truncated).toBe(true);
    expect(stream.info.bytes).toBe(limits.streamBytes);
  });

  it('clears on navigation unless the log is preserved', () => {
    const store = createTabStore();
    store.applyBatch(tabA, batch('r', 0, [start('1')]), 100);
    store.applyBatch(tabA, batch('r', 1, [start('2')]), 300);
    expect(store.navigated(1, 200)).toEqual(['1']);
    store.setPreserveLog(1, true);
    expect(store.navigated(1, 400)).toEqual([]);
    expect(store.streamsOf(1).map((stream) => stream.info.meta.url)).toEqual([meta.url]);
  });

  it('restores exactly what it wrote, and stored keys of removed streams are removed', () => {
    const store = createTabStore();
    const written: Record<string, unknown> = {};
    const save = () => {
      const { set, remove } = store.takeChanges();
      Object.assign(written, set);
      for (const key of remove) delete written[key];
    };
    store.applyBatch(tabA, batch('r', 0, [start('1'), chunk('1', 'a')]), 0);
    save();
    store.applyBatch(tabA, batch('r', 2, [chunk('1', 'b'), end('1'), start('2')]), 0);
    store.applyBatch(tabB, batch('q', 0, [start('1'), chunk('1', 'c')]), 0);
    store.setPreserveLog(2, true);
    save();
    const restored = createTabStore();
    restored.restore(structuredClone(written));
    expect(text(restored, 1)).toEqual(['ab', '']);
    expect(restored.streamsOf(1)[0].info.end?.outcome).toBe('complete');
    expect(restored.preserveLog(2)).toBe(true);
    // the restored store still skips what it already had, and numbers new streams after the old
    expect(restored.applyBatch(tabA, batch('r', 0, [start('1'), chunk('1', 'a')]), 0).events.messages).toEqual([]);
    restored.applyBatch(tabA, batch('r', 5, [start('3')]), 0);
    expect(new Set(restored.streamsOf(1).map((s) => s.info.id)).size).toBe(3);

    store.removeTab(1);
    save();
    expect(Object.keys(written).some((key) => key.startsWith('c:1:') || key === 's:1')).toBe(false);
  });

  it('counts base64 lengths as bytes', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd']) expect(decodedLength(b64(text))).toBe(text.length);
  });
});
