import { describe, expect, it } from 'vitest';
import { streamMeta } from '../test-support/stream-meta.js';
import { createStore } from './store.js';

const meta = streamMeta({ url: 'http://127.0.0.1/api/chat', startedAt: 0, responseHeaders: {} });

describe('panel store', () => {
  it('resolves the selected stream, and loses it when the stream goes', () => {
    const store = createStore();
    store.streams.start('a', meta);
    store.streams.start('b', meta);
    store.selection.selectStream('b');
    expect(store.selectedStream.value?.id).toBe('b');
    store.streams.remove(['b']);
    expect(store.selectedStream.value).toBeUndefined();
  });

  it('clear forgets every stream and the selection', () => {
    const store = createStore();
    store.streams.start('a', meta);
    store.selection.selectStream('a');
    store.selection.revealEvent(3);
    store.clear();
    expect(store.streams.list.value).toEqual([]);
    expect(store.selection.streamId.value).toBeNull();
    expect(store.selection.eventIndex.value).toBeNull();
  });

  it('uses the decoder default stall threshold unless told', () => {
    expect(createStore().stallMs).toBe(5000);
    expect(createStore({ stallMs: 250 }).stallMs).toBe(250);
  });
});
