import { describe, expect, it } from 'vitest';
import { limits } from '../shared/messages.js';
import { b64, batch, chunk, end, meta, start } from '../test-support/capture.js';
import { createChangeLog } from './change-log.js';
import { decodedLength } from '../shared/base64.js';
import { metaBytes } from './quota.js';
import { createTabStore } from './tab-store.js';

const tabA = { tabId: 1, frameId: 0, documentId: 'docA' };
const tabB = { tabId: 2, frameId: 0, documentId: 'docB' };
const MB = 1024 * 1024;
const newStore = (budgets = { streamBytes: limits.streamBytes, tabBytes: limits.tabBytes, totalBytes: limits.totalBytes }) => createTabStore(createChangeLog(), budgets);
const text = (store: ReturnType<typeof createTabStore>, tabId: number) =>
  store.streamsOf(tabId).map((stream) => stream.chunks.map((c) => Buffer.from(c.base64, 'base64').toString()).join(''));

describe('tab store', () => {
  it('routes by the sender, so equal page stream ids in two tabs stay apart', () => {
    const store = newStore();
    store.applyBatch(tabA, batch('r', 0, [start('1'), chunk('1', 'a')]), 0);
    store.applyBatch(tabB, batch('r', 0, [start('1'), chunk('1', 'b'), end('1')]), 0);
    expect(text(store, 1)).toEqual(['a']);
    expect(text(store, 2)).toEqual(['b']);
    expect(store.streamsOf(1)[0].info.end).toBeNull();
  });

  it('skips messages re-sent after a restart and acknowledges the highest sequence', () => {
    const store = newStore();
    store.applyBatch(tabA, batch('r', 0, [start('1'), chunk('1', 'a')]), 0);
    const { upTo, messages } = store.applyBatch(tabA, batch('r', 0, [start('1'), chunk('1', 'a'), chunk('1', 'b')]), 0);
    expect(upTo).toBe(2);
    expect(text(store, 1)).toEqual(['ab']);
    expect(messages).toEqual([{ kind: 'stream-data', streamId: '1', chunks: [{ at: 1, base64: b64('b') }] }]);
  });

  it('a navigation forgets what came before it unless the tab preserves its log', () => {
    const store = newStore();
    store.applyBatch(tabA, batch('r', 0, [start('1')]), 100);
    store.applyBatch(tabA, batch('r', 1, [start('2')]), 300);
    expect(store.navigated(1, 200)).toEqual(['1']);
    store.setPreserveLog(1, true);
    expect(store.navigated(1, 400)).toEqual([]);
    expect(store.streamsOf(1).map((stream) => stream.info.meta.url)).toEqual([meta.url]);
  });

  it('truncates a stream at its budget and says which budget, keeping what came before', () => {
    const store = newStore({ streamBytes: MB, tabBytes: 4 * MB, totalBytes: 8 * MB });
    const half = 'x'.repeat(MB / 2);
    const { messages } = store.applyBatch(tabA, batch('r', 0, [start('1'), chunk('1', half), chunk('1', half), chunk('1', 'y'), chunk('1', 'z'), end('1')]), 0);
    const [stream] = store.streamsOf(1);
    expect(stream.info.bytes).toBe(MB);
    expect(stream.info.truncated).toBe(true);
    expect(messages.filter((message) => message.kind === 'stream-truncated')).toEqual([
      { kind: 'stream-truncated', streamId: '1', bytes: MB, note: 'truncated: the stream reached its size budget' },
    ]);
    expect(messages.at(-1)).toMatchObject({ kind: 'stream-ended', truncated: true });
  });

  it('counts metadata toward the tab budget; one tab at its budget never costs another tab anything', () => {
    const store = newStore({ streamBytes: MB, tabBytes: MB, totalBytes: 8 * MB });
    store.applyBatch(tabB, batch('v', 0, [start('victim'), chunk('victim', 'kept')]), 0);
    const big = { ...meta, requestBody: 'h'.repeat(limits.requestBody) };
    const starts = Array.from({ length: 40 }, (_, index) => start(`f${index}`, big));
    const { messages } = store.applyBatch(tabA, batch('r', 0, starts), 0);
    const kept = store.streamsOf(1).length;
    expect(kept).toBe(Math.floor(MB / metaBytes(big)));
    expect(store.used(1).tab).toBeLessThanOrEqual(MB);
    expect(messages.at(-1)).toMatchObject({ kind: 'notice' });
    expect((messages.at(-1) as { text: string }).text).toContain(`${40 - kept} streams of this tab not captured`);
    store.applyBatch(tabB, batch('v', 2, [chunk('victim', ' and more'), end('victim')]), 0);
    expect(text(store, 2)).toEqual(['kept and more']);
  });

  it('makes room in a full tab by dropping its own oldest ended streams', () => {
    const store = newStore({ streamBytes: MB, tabBytes: 2 * MB, totalBytes: 8 * MB });
    const big = 'x'.repeat(MB - 1024);
    store.applyBatch(tabA, batch('r', 0, [start('1'), chunk('1', big), end('1'), start('2'), chunk('2', big)]), 0);
    const { messages } = store.applyBatch(tabA, batch('r', 5, [start('3'), chunk('3', big)]), 0);
    expect(messages).toContainEqual({ kind: 'streams-removed', streamIds: ['1'] });
    expect(store.streamsOf(1).map((stream) => [stream.info.id, stream.info.bytes])).toEqual([['2', MB - 1024], ['3', MB - 1024]]);
  });

  it('counts base64 lengths as bytes', () => {
    for (const value of ['', 'a', 'ab', 'abc', 'abcd']) expect(decodedLength(b64(value))).toBe(value.length);
  });
});
