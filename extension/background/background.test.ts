import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { panelPortName, RELAY_PORT_NAME, type BackgroundToPanelMessage, type BackgroundToRelayMessage, type RelayMessage } from '../shared/messages.js';
import { createMemoryPorts } from '../shared/wall/memory-wall.js';
import type { PortSender } from '../shared/wall/runtime-port.js';
import { batch, chunk, end, start } from '../test-support/capture.js';
import { createBackground } from './background.js';
import { openCaptureDb } from './capture-db.js';
import { createChangeLog } from './change-log.js';
import { createPanelHub } from './panels.js';
import { createPersistence } from './persistence.js';
import { createTabStore } from './tab-store.js';

const origin = 'chrome-extension://abc/';
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
let dbs = 0;

async function memoryBackground() {
  const log = createChangeLog();
  const store = createTabStore(log);
  const panels = createPanelHub(store);
  const db = await openCaptureDb(`background-${dbs++}`);
  const persistence = createPersistence({ store, log, db, session: { get: async () => ({}), set: async () => {} }, warn: vi.fn() });
  const ready = persistence.load('s');
  const saveBudgets = vi.fn(async () => {});
  const background = createBackground({ store, panels, persistence, ready, extensionOrigin: origin, saveBudgets, warn: vi.fn() });
  return {
    background,
    saveBudgets,
    relay(sender: PortSender) {
      const { client, server } = createMemoryPorts(RELAY_PORT_NAME, sender);
      background.relayConnected(server);
      const acks: number[] = [];
      let closed = false;
      client.onMessage.addListener((message) => acks.push((message as BackgroundToRelayMessage).upTo));
      client.onDisconnect.addListener(() => (closed = true));
      return { send: (from: number, messages: RelayMessage[], id = 'r') => client.postMessage(batch(id, from, messages)), acks, closed: () => closed, raw: client };
    },
    panel(tabId: number, url = `${origin}extension/panel/panel.html`) {
      const { client, server } = createMemoryPorts(panelPortName(tabId), { url });
      background.panelConnected(server, tabId);
      const seen: BackgroundToPanelMessage[] = [];
      client.onMessage.addListener((message) => seen.push(message as BackgroundToPanelMessage));
      return { seen, port: client };
    },
  };
}

describe('background', () => {
  it('routes each relay by its real tab and frame, shows it to that tab\'s panels only, and acknowledges once stored', async () => {
    const memory = await memoryBackground();
    const panel1 = memory.panel(1);
    const panel2 = memory.panel(2);
    const relay1 = memory.relay({ tab: { id: 1 }, frameId: 0, url: 'http://a/' });
    const relay2 = memory.relay({ tab: { id: 2 }, frameId: 3, url: 'http://b/' });
    relay1.send(0, [start('same'), chunk('same', 'one')]);
    relay2.send(0, [start('same'), chunk('same', 'two'), end('same')]);
    await vi.waitFor(() => expect([relay1.acks, relay2.acks]).toEqual([[1], [2]]));
    const kinds = (seen: BackgroundToPanelMessage[]) => seen.map((message) => message.kind);
    expect(kinds(panel1.seen)).toEqual(['hello', 'snapshot-done', 'stream-added', 'stream-data', 'tab-usage']);
    expect(kinds(panel2.seen)).toEqual(['hello', 'snapshot-done', 'stream-added', 'stream-data', 'stream-ended', 'tab-usage']);
    expect(panel2.seen[2]).toMatchObject({ stream: { tabId: 2, frameId: 3 } });
    // the tab's use, metadata counted, as each batch changes it and as a new panel is first told
    const usage = panel2.seen.at(-1) as Extract<BackgroundToPanelMessage, { kind: 'tab-usage' }>;
    expect(usage.bytes).toBeGreaterThan('two'.length);
    const late = memory.panel(2);
    await vi.waitFor(() => expect(late.seen[0]).toMatchObject({ kind: 'hello', tabBytes: usage.bytes }));
  });

  it('refuses relays from the extension\'s own pages or outside tabs, panels from web pages, and forged batches', async () => {
    const memory = await memoryBackground();
    expect(memory.relay({ frameId: 0, url: 'http://a/' })).toBeDefined();
    const fromPage = memory.relay({ tab: { id: 1 }, frameId: 0, url: `${origin}x.html` });
    const webPanel = memory.panel(1, 'http://evil/');
    const relay = memory.relay({ tab: { id: 1 }, frameId: 0, url: 'http://a/' });
    relay.raw.postMessage({ version: 999, relay: 'r', batch: [] });
    await settle();
    expect(fromPage.closed()).toBe(true);
    expect(webPanel.seen).toEqual([]);
    expect(relay.acks).toEqual([]);
  });

  it('a panel sets preferences and budgets; budgets reach every panel and are stored', async () => {
    const memory = await memoryBackground();
    const panel = memory.panel(1);
    const other = memory.panel(2);
    await settle();
    const budgets = { streamBytes: 2 ** 21, tabBytes: 2 ** 22, totalBytes: 2 ** 23 };
    panel.port.postMessage({ kind: 'set-budgets', budgets });
    panel.port.postMessage({ kind: 'set-budgets', budgets: { streamBytes: 1, tabBytes: 1, totalBytes: 1 } });
    panel.port.postMessage({ kind: 'set-preserve-log', value: true });
    await settle();
    expect(other.seen.at(-1)).toEqual({ kind: 'budgets', budgets });
    expect(panel.seen.slice(-2)).toEqual([{ kind: 'budgets', budgets }, { kind: 'preserve-log', value: true }]);
    expect(memory.saveBudgets).toHaveBeenCalledTimes(1);
    const late = memory.panel(1);
    await settle();
    expect(late.seen[0]).toMatchObject({ kind: 'hello', preserveLog: true, budgets });
  });

  it('navigation of the top frame clears the tab (not a subframe\'s), and a closed tab is forgotten', async () => {
    const memory = await memoryBackground();
    const relay = memory.relay({ tab: { id: 1 }, frameId: 0, url: 'http://a/' });
    relay.send(0, [start('s'), end('s')]);
    await settle();
    const panel = memory.panel(1);
    memory.background.navigated(1, 2, 'http://a/frame', Date.now() + 1000);
    memory.background.navigated(1, 0, 'http://a/next', Date.now() + 1000);
    await settle();
    expect(panel.seen.filter((message) => message.kind === 'navigated')).toEqual([{ kind: 'navigated', url: 'http://a/next', removed: ['1'] }]);
  });
});
