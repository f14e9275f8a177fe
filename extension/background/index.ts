/// <reference types="chrome" />
/**
 * The background service worker: receives relays' batches, keeps each tab's streams (persisted to
 * `chrome.storage.session`), acknowledges what it stored, and serves panels. Listeners are
 * registered synchronously at start (Chrome requires it to wake the worker for them); each waits
 * for the stored state to load, and none throws.
 */
import '../shared/zod-jitless.js';
import {
  RELAY_PORT_NAME,
  panelToBackgroundMessageSchema,
  relayToBackgroundMessageSchema,
  tabIdOfPanelPort,
  type BackgroundToPanelMessage,
  type BackgroundToRelayMessage,
} from '../shared/messages.js';
import { createPanelHub, post } from './panels.js';
import { createPersistence } from './persistence.js';
import { createTabStore } from './tab-store.js';

const store = createTabStore();
const panels = createPanelHub(store);
const persistence = createPersistence(store, chrome.storage.session, (error) => console.warn('streamscope: could not store capture:', error));
const ready = persistence.load().catch((error) => console.warn('streamscope: could not restore capture:', error));

/** Runs `task` once state is loaded, in arrival order, never throwing into Chrome. */
function whenReady(task: () => void): void {
  void ready.then(() => {
    try {
      task();
    } catch (error) {
      console.warn('streamscope:', error);
    }
  });
}

const extensionOrigin = chrome.runtime.getURL('');

function onRelay(port: chrome.runtime.Port): void {
  const { sender } = port;
  const tabId = sender?.tab?.id;
  const frameId = sender?.frameId;
  if (tabId === undefined || frameId === undefined || sender?.url?.startsWith(extensionOrigin)) {
    port.disconnect();
    return;
  }
  const from = { tabId, frameId, documentId: sender?.documentId };
  port.onMessage.addListener((raw: unknown) => {
    const parsed = relayToBackgroundMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    whenReady(() => {
      const { events, upTo } = store.applyBatch(from, parsed.data, Date.now());
      panels.broadcast(events.tabId, events.messages);
      void persistence.saved().then(() => post(port, { kind: 'ack', upTo } satisfies BackgroundToRelayMessage));
    });
  });
}

function onPanel(port: chrome.runtime.Port, tabId: number): void {
  if (!port.sender?.url?.startsWith(extensionOrigin)) {
    port.disconnect();
    return;
  }
  whenReady(() => panels.add(tabId, port));
  port.onMessage.addListener((raw: unknown) => {
    const parsed = panelToBackgroundMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    whenReady(() => {
      if (parsed.data.kind === 'set-preserve-log') {
        store.setPreserveLog(tabId, parsed.data.value);
        panels.broadcast(tabId, [{ kind: 'preserve-log', value: parsed.data.value }]);
      } else {
        panels.broadcast(tabId, [{ kind: 'streams-removed', streamIds: store.clear(tabId) }]);
      }
      void persistence.saved();
    });
  });
}

chrome.runtime.onConnect.addListener((port) => {
  try {
    if (port.name === RELAY_PORT_NAME) return onRelay(port);
    const tabId = tabIdOfPanelPort(port.name);
    if (tabId !== null) return onPanel(port, tabId);
    port.disconnect();
  } catch (error) {
    console.warn('streamscope:', error);
  }
});

chrome.webNavigation.onCommitted.addListener((details) => {
  if (details.frameId !== 0) return;
  whenReady(() => {
    const removed = store.navigated(details.tabId, details.timeStamp);
    panels.broadcast(details.tabId, [{ kind: 'navigated', url: details.url, removed } satisfies BackgroundToPanelMessage]);
    if (removed.length) void persistence.saved();
  });
});

chrome.tabs.onRemoved.addListener((tabId) => {
  whenReady(() => {
    panels.broadcast(tabId, [{ kind: 'streams-removed', streamIds: store.removeTab(tabId) }]);
    void persistence.saved();
  });
});
