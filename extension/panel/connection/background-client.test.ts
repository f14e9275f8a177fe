import { describe, expect, it } from 'vitest';
import { CAPTURE_PROTOCOL_VERSION, tabIdOfPanelPort, type BackgroundToPanelMessage, type RelayMessage, type StreamMeta } from '../../shared/messages.js';
import { connectPanel, type PortLike } from './background-client.js';
import { createPanelHub } from '../../background/panels.js';
import { createTabStore } from '../../background/tab-store.js';

const meta: StreamMeta = {
  transport: 'fetch', url: 'http://127.0.0.1/sse', method: 'GET', requestHeaders: {}, requestBody: null, status: 200, statusText: 'OK',
  responseHeaders: {}, startedAt: 0, frameUrl: 'http://127.0.0.1/', bytes: 'wire', note: null,
};

/** A background in memory: the real store and panel hub behind in-memory ports. */
function memoryBackground() {
  const store = createTabStore();
  const hub = createPanelHub(store);
  const disconnects: (() => void)[] = [];
  let seq = 0;
  return {
    relay(tabId: number, messages: RelayMessage[]) {
      const { events } = store.applyBatch(
        { tabId, frameId: 0, documentId: 'd' },
        { version: CAPTURE_PROTOCOL_VERSION, relay: 'r', batch: messages.map((message) => ({ seq: seq++, message })) },
        Date.now(),
      );
      hub.broadcast(events.tabId, events.messages);
    },
    /** Chrome stopping the worker: every panel port disconnects. */
    stop() {
      for (const disconnect of disconnects.splice(0)) disconnect();
    },
    connect(name: string): PortLike {
      const onMessage: ((message: BackgroundToPanelMessage) => void)[] = [];
      const onDisconnect: (() => void)[] = [];
      const port = {
        postMessage: (message: BackgroundToPanelMessage) => queueMicrotask(() => onMessage.forEach((listener) => listener(structuredClone(message)))),
        onDisconnect: { addListener: (listener: () => void) => onDisconnect.push(listener) },
      };
      disconnects.push(() => onDisconnect.forEach((listener) => listener()));
      hub.add(tabIdOfPanelPort(name)!, port as never);
      return {
        postMessage: () => undefined,
        disconnect: () => undefined,
        onMessage: { addListener: (listener) => onMessage.push(listener) },
        onDisconnect: { addListener: (listener) => onDisconnect.push(listener) },
      };
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('panel client', () => {
  it('gets the capture so far, then live data, and starts over after a worker restart', async () => {
    const background = memoryBackground();
    background.relay(5, [{ kind: 'stream-start', streamId: 's', meta }, { kind: 'stream-chunk', streamId: 's', chunk: { at: 1, base64: b64('data: a\n\n') } }]);
    const log: string[] = [];
    const client = connectPanel(
      5,
      {
        reset: () => log.push('reset'),
        ready: () => log.push('ready'),
        streamAdded: (stream) => log.push(`added ${stream.meta.url}`),
        data: (_, chunks) => log.push(`data ${chunks.map((chunk) => new TextDecoder().decode(chunk.bytes)).join('')}`),
        ended: (_, end) => log.push(`ended ${end.outcome}`),
      },
      background.connect,
    );
    await flush();
    background.relay(5, [{ kind: 'stream-chunk', streamId: 's', chunk: { at: 2, base64: b64('data: b\n\n') } }, { kind: 'stream-end', streamId: 's', end: { at: 3, outcome: 'complete' }, truncated: false }]);
    background.relay(6, [{ kind: 'stream-start', streamId: 's', meta: { ...meta, url: 'other tab' } }]);
    await flush();
    expect(log).toEqual(['reset', `added ${meta.url}`, 'data data: a\n\n', 'ready', 'data data: b\n\n', 'ended complete']);

    log.length = 0;
    background.stop();
    await flush();
    expect(log).toEqual(['reset', `added ${meta.url}`, 'data data: a\n\ndata: b\n\n', 'ended complete', 'ready']);
    client.close();
  });
});
