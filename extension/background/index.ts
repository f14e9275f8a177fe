/**
 * The background service worker (a Firefox event page): wires the browser's events to
 * `background.ts`. Listeners are registered synchronously at start (the browser requires it to
 * wake the worker for them); the stored capture loads meanwhile.
 */
import '../shared/zod-jitless.js';
import browser from 'webextension-polyfill';
import { RELAY_PORT_NAME, budgetsSchema, tabIdOfPanelPort, type Budgets } from '../shared/messages.js';
import type { RuntimePort } from '../shared/wall/runtime-port.js';
import { createBackground } from './background.js';
import { openCaptureDb } from './capture-db.js';
import { createChangeLog } from './change-log.js';
import { createPanelHub } from './panels.js';
import { createPersistence } from './persistence.js';
import { createTabStore } from './tab-store.js';

const budgetsKey = 'budgets';
const warn = (message: string, detail?: unknown) => console.warn(`streamscope: ${message}`, ...(detail === undefined ? [] : [detail]));

const log = createChangeLog();
const store = createTabStore(log);
const panels = createPanelHub(store);
const database = openCaptureDb();
const persistence = createPersistence({
  store,
  log,
  db: {
    entries: async () => (await database).entries(),
    apply: async (changes) => (await database).apply(changes),
    clear: async () => (await database).clear(),
  },
  session: browser.storage.session,
  warn,
});

async function loadBudgets(): Promise<void> {
  const parsed = budgetsSchema.safeParse((await browser.storage.local.get(budgetsKey))[budgetsKey]);
  if (parsed.success) store.setBudgets(parsed.data);
}

const ready = Promise.all([persistence.load(crypto.randomUUID()), loadBudgets()]).catch((error) => warn('could not restore the capture', error));

const background = createBackground({
  store,
  panels,
  persistence,
  ready,
  extensionOrigin: browser.runtime.getURL(''),
  saveBudgets: (budgets: Budgets) => browser.storage.local.set({ [budgetsKey]: budgets }),
  warn,
});

browser.runtime.onConnect.addListener((port) => {
  try {
    const runtimePort = port as unknown as RuntimePort;
    if (port.name === RELAY_PORT_NAME) return background.relayConnected(runtimePort);
    const tabId = tabIdOfPanelPort(port.name);
    if (tabId !== null) return background.panelConnected(runtimePort, tabId);
    port.disconnect();
  } catch (error) {
    warn('could not accept a connection', error);
  }
});

browser.webNavigation.onCommitted.addListener((details) => background.navigated(details.tabId, details.frameId, details.url, details.timeStamp));
browser.tabs.onRemoved.addListener((tabId) => background.tabRemoved(tabId));
