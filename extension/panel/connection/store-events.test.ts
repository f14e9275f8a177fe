import { describe, expect, it } from 'vitest';
import { encodeChunk, encodeDone } from '../../../protocol/index.js';
import { connectPanel } from './background-client.js';
import type { RuntimePort } from '../../shared/wall/runtime-port.js';
import { CAPTURE_PROTOCOL_VERSION } from '../../shared/hops.js';
import type { BackgroundToPanelMessage, Budgets, PanelToBackgroundMessage, StreamInfo } from '../../shared/messages.js';

const budgets: Budgets = { streamBytes: 2 ** 20, tabBytes: 2 ** 21, totalBytes: 2 ** 22 };
import { streamMeta } from '../test-support/stream-meta.js';
import { createStore } from '../state/store.js';
import { storeEvents } from './store-events.js';

const meta = streamMeta({ url: 'http://127.0.0.1/api/chat', startedAt: 0 });

function info(id: string, end: StreamInfo['end'] = null): StreamInfo {
  return { id, tabId: 1, frameId: 0, meta, bytes: 0, truncated: false, truncation: null, end };
}

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const hello = (preserveLog = false): BackgroundToPanelMessage => ({ kind: 'hello', version: CAPTURE_PROTOCOL_VERSION, tabId: 1, preserveLog, budgets, tabBytes: 2048 });

/** The background client over an in-memory port: `deliver` plays the background's messages. */
function connectedStore() {
  const store = createStore();
  const listeners: ((message: BackgroundToPanelMessage) => void)[] = [];
  const sent: PanelToBackgroundMessage[] = [];
  const port: RuntimePort = {
    name: 'panel',
    postMessage: (message) => sent.push(message as PanelToBackgroundMessage),
    disconnect: () => {},
    onMessage: { addListener: (listener) => void listeners.push(listener) },
    onDisconnect: { addListener: () => {} },
  };
  const ready: number[] = [];
  const client = connectPanel(1, storeEvents(store, { onReady: () => ready.push(1), onProblem: () => {} }), () => port);
  const deliver = (...messages: BackgroundToPanelMessage[]) => messages.forEach((message) => listeners.forEach((listener) => listener(message)));
  return { store, client, sent, ready, deliver };
}

describe('store events', () => {
  it('builds streams from a snapshot as the background sends it: each stream as it started, its bytes, its end', () => {
    const { store, ready, deliver } = connectedStore();
    const body = encodeChunk({ type: 'start' }) + encodeChunk({ type: 'finish' }) + encodeDone();
    deliver(
      hello(true),
      { kind: 'stream-added', stream: info('old') },
      { kind: 'stream-data', streamId: 'old', chunks: [{ at: 10, base64: base64(body) }] },
      { kind: 'stream-ended', streamId: 'old', end: { at: 30, outcome: 'complete' }, truncated: false },
      { kind: 'stream-added', stream: info('live') },
    );
    expect(store.preserveLog.value).toBe(true);
    expect(ready).toEqual([]);
    deliver({ kind: 'snapshot-done' });
    expect(ready).toEqual([1]);
    const old = store.streams.get('old');
    expect(old?.status.value).toBe('complete');
    expect(old?.records.map((record) => record.kind)).toEqual(['chunk', 'chunk', 'done']);
    expect(old?.records[0].at).toBe(10);
    expect(old?.findings).toEqual([]);
    expect(store.streams.get('live')?.status.value).toBe('live');
  });

  it('a new connection replaces captured streams with its snapshot, keeping the network log', () => {
    const { store, deliver } = connectedStore();
    deliver(hello(), { kind: 'stream-added', stream: info('a') });
    store.streams.addFromNetworkLog({ ...meta, url: 'http://127.0.0.1/log' }, '');
    deliver(hello());
    expect(store.streams.list.value.map((entry) => entry.meta.transport)).toEqual(['network-log']);
  });

  it('shows a truncation as it happens, while the stream is live, and keeps it apart from the end\'s error', async () => {
    const { store, deliver } = connectedStore();
    deliver(hello(), { kind: 'stream-added', stream: info('a') }, { kind: 'stream-added', stream: info('b') });
    deliver({ kind: 'stream-data', streamId: 'b', chunks: [{ at: 1, base64: base64('data: {"type":"start"}\n\n') }] });
    deliver({ kind: 'stream-truncated', streamId: 'b', bytes: 24, note: "truncated: the tab's capture reached its size budget" });
    const b = store.streams.get('b')!;
    expect(b.status.value).toBe('live');
    expect(b.truncation).toEqual({ note: "truncated: the tab's capture reached its size budget", bytesKept: 24 });
    deliver({ kind: 'stream-truncated', streamId: 'b', bytes: 99, note: 'truncated: the stream reached its size budget' });
    expect(b.truncation?.bytesKept).toBe(24);
    deliver({ kind: 'stream-ended', streamId: 'b', end: { at: 6, outcome: 'complete' }, truncated: true });
    expect(b.error).toBeUndefined();
    expect(await b.report()).toMatchObject({ capture: { truncated: "truncated: the tab's capture reached its size budget", bytesKept: 24 } });
    // an end marked truncated with no budget's note before it still says so
    deliver({ kind: 'stream-ended', streamId: 'a', end: { at: 5, outcome: 'error', error: 'network error' }, truncated: true });
    expect(store.streams.get('a')?.error).toBe('network error');
    expect(store.streams.get('a')?.truncation?.note).toBe('truncated: bytes past the size cap were dropped');
  });

  it('keeps the budgets and the tab\'s use of them as the background says', () => {
    const { store, deliver } = connectedStore();
    expect(store.capture.budgets.value).toBeNull();
    deliver(hello());
    expect([store.capture.budgets.value, store.capture.tabBytes.value]).toEqual([budgets, 2048]);
    const wider = { ...budgets, tabBytes: 2 ** 22 };
    deliver({ kind: 'budgets', budgets: wider }, { kind: 'tab-usage', bytes: 4096 });
    expect([store.capture.budgets.value, store.capture.tabBytes.value]).toEqual([wider, 4096]);
  });

  it('navigation removes what the background removed and the network log unless preserved', () => {
    const { store, deliver } = connectedStore();
    deliver(hello(), { kind: 'stream-added', stream: info('a') }, { kind: 'stream-added', stream: info('b') });
    store.streams.addFromNetworkLog({ ...meta, url: 'http://127.0.0.1/log', startedAt: 99_999 }, '');

    deliver({ kind: 'preserve-log', value: true }, { kind: 'navigated', url: 'http://127.0.0.1/next', removed: [] });
    expect(store.streams.list.value).toHaveLength(3);
    deliver({ kind: 'preserve-log', value: false }, { kind: 'navigated', url: 'http://127.0.0.1/next', removed: ['a'] });
    expect(store.streams.list.value.map((entry) => entry.id)).toEqual(['b']);
    deliver({ kind: 'streams-removed', streamIds: ['b'] });
    expect(store.streams.list.value).toEqual([]);
  });

  it('the panel\'s actions reach the background', () => {
    const { client, sent } = connectedStore();
    client.setPreserveLog(true);
    client.clear();
    client.setBudgets(budgets);
    expect(sent).toEqual([{ kind: 'set-preserve-log', value: true }, { kind: 'clear' }, { kind: 'set-budgets', budgets }]);
  });
});
