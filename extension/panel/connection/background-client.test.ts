import { describe, expect, it } from 'vitest';
import { tabIdOfPanelPort, type RelayMessage } from '../../shared/messages.js';
import { createMemoryPorts } from '../../shared/wall/memory-wall.js';
import { wallOfPort } from '../../shared/wall/port-wall.js';
import type { RuntimePort } from '../../shared/wall/runtime-port.js';
import { batch, meta } from '../../test-support/capture.js';
import { connectPanel } from './background-client.js';
import { createPanelHub } from '../../background/panels.js';
import { createChangeLog } from '../../background/change-log.js';
import { createTabStore } from '../../background/tab-store.js';

/** A background in memory: the real store and panel hub behind in-memory ports. */
function memoryBackground() {
  const store = createTabStore(createChangeLog());
  const hub = createPanelHub(store);
  const servers: RuntimePort[] = [];
  let seq = 0;
  return {
    relay(tabId: number, messages: RelayMessage[]) {
      const result = store.applyBatch({ tabId, frameId: 0, documentId: 'd' }, batch('r', seq, messages), Date.now());
      seq += messages.length;
      hub.broadcast(result.tabId, result.messages);
    },
    /** Chrome stopping the worker: every panel port disconnects. */
    stop() {
      for (const server of servers.splice(0)) server.disconnect();
    },
    connect(name: string): RuntimePort {
      const { client, server } = createMemoryPorts(name);
      servers.push(server);
      hub.add(tabIdOfPanelPort(name)!, wallOfPort(server));
      return client;
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
        data: (_, chunks) => log.push(`data ${chunks.map((chunk) => Buffer.from(chunk.base64, 'base64').toString()).join('')}`),
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
