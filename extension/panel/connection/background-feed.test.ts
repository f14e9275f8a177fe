import { describe, expect, it } from 'vitest';
import { encodeChunk, encodeDone } from '../../../protocol/index.js';
import { CAPTURE_PROTOCOL_VERSION } from '../../shared/hops.js';
import type { BackgroundToPanelMessage, StreamInfo, StreamMeta } from '../../shared/messages.js';
import { createStore } from '../state/store.js';
import { base64Bytes, createBackgroundFeed } from './background-feed.js';

const meta: StreamMeta = {
  transport: 'fetch',
  url: 'http://127.0.0.1/api/chat',
  method: 'POST',
  requestHeaders: {},
  requestBody: null,
  status: 200,
  statusText: 'OK',
  responseHeaders: {},
  startedAt: 0,
  frameUrl: '',
  bytes: 'wire',
  note: null,
};

function info(id: string, end: StreamInfo['end'] = null): StreamInfo {
  return { id, tabId: 1, frameId: 0, meta, bytes: 0, truncated: false, end };
}

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const hello = (preserveLog = false): BackgroundToPanelMessage => ({ kind: 'hello', version: CAPTURE_PROTOCOL_VERSION, tabId: 1, preserveLog });

describe('background feed', () => {
  it('decodes base64 back to the exact bytes, UTF-8 included', () => {
    expect(new TextDecoder().decode(base64Bytes(base64('21°C ✓')))).toBe('21°C ✓');
  });

  it('builds streams from a snapshot, ending snapshot streams once their bytes are in', () => {
    const store = createStore();
    const feed = createBackgroundFeed(store);
    const body = encodeChunk({ type: 'start' }) + encodeChunk({ type: 'finish' }) + encodeDone();
    for (const message of [
      hello(true),
      { kind: 'stream-added', stream: info('old', { at: 30, outcome: 'complete' }) },
      { kind: 'stream-data', streamId: 'old', chunks: [{ at: 10, base64: base64(body) }] },
      { kind: 'stream-added', stream: info('live') },
    ] satisfies BackgroundToPanelMessage[]) {
      expect(feed.apply(message)).toBeNull();
    }
    expect(store.preserveLog.value).toBe(true);
    expect(store.streams.get('old')?.status.value).toBe('live');
    feed.apply({ kind: 'snapshot-done' });
    const old = store.streams.get('old');
    expect(old?.status.value).toBe('complete');
    expect(old?.records.map((record) => record.kind)).toEqual(['chunk', 'chunk', 'done']);
    expect(old?.findings).toEqual([]);
    expect(store.streams.get('live')?.status.value).toBe('live');
  });

  it('a new hello replaces captured streams with the coming snapshot and flags a version mismatch', () => {
    const store = createStore();
    const feed = createBackgroundFeed(store);
    feed.apply(hello());
    feed.apply({ kind: 'stream-added', stream: info('a') });
    expect(feed.apply({ kind: 'hello', version: CAPTURE_PROTOCOL_VERSION + 1, tabId: 1, preserveLog: false })).toMatch(/reload the extension/);
    expect(store.streams.list.value).toEqual([]);
  });

  it('ends with the reason and truncation; navigation removes what the background removed and the network log unless preserved', () => {
    const store = createStore();
    const feed = createBackgroundFeed(store);
    feed.apply(hello());
    feed.apply({ kind: 'stream-added', stream: info('a') });
    feed.apply({ kind: 'stream-added', stream: info('b') });
    store.streams.addFromNetworkLog({ ...meta, url: 'http://127.0.0.1/log', startedAt: 99_999 }, '');
    feed.apply({ kind: 'stream-ended', streamId: 'a', end: { at: 5, outcome: 'error', error: 'network error' }, truncated: true });
    expect(store.streams.get('a')?.error).toBe('network error; truncated: bytes past the size cap were dropped');

    feed.apply({ kind: 'preserve-log', value: true });
    feed.apply({ kind: 'navigated', url: 'http://127.0.0.1/next', removed: [] });
    expect(store.streams.list.value).toHaveLength(3);
    feed.apply({ kind: 'preserve-log', value: false });
    feed.apply({ kind: 'navigated', url: 'http://127.0.0.1/next', removed: ['a'] });
    expect(store.streams.list.value.map((entry) => entry.id)).toEqual(['b']);
    feed.apply({ kind: 'streams-removed', streamIds: ['b'] });
    expect(store.streams.list.value).toEqual([]);
  });
});
