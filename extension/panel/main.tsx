/**
 * The panel page, inside DevTools (the inspected tab) or standalone as `panel.html?tabId=N`
 * (a pop-out window, and how tests reach it).
 */
import '../shared/zod-jitless.js';
import './panel.css';
import { signal } from '@preact/signals';
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { App, type PanelActions } from './components/App.js';
import { openPort } from '../shared/browser-port.js';
import { connectPanel } from './connection/background-client.js';
import { offerPanel, type LinkWindow } from './connection/panel-handle.js';
import { storeEvents } from './connection/store-events.js';
import { createStore, StoreContext } from './state/store.js';
import { followTheme, type ThemePanels } from './theme.js';
import { createDecodeClient, nextFrame } from './worker/decode-client.js';
import { workerDecodePort } from './worker/worker-port.js';

const params = new URLSearchParams(location.search);
// Absent in the pop-out window (panel.html?tabId=N), which is no DevTools page.
const devtools = browser.devtools as typeof browser.devtools | undefined;
const tabId = devtools?.inspectedWindow?.tabId ?? Number(params.get('tabId'));

followTheme(params.get('theme'), devtools?.panels as ThemePanels | undefined, matchMedia('(prefers-color-scheme: dark)'), (theme) => {
  document.documentElement.dataset.theme = theme;
});

const store = createStore({
  decoding: createDecodeClient(workerDecodePort(), { frame: nextFrame }),
  storage: localStorage,
});
const problem = signal<string | null>(null);

/**
 * Network-log streams are matched against captured ones, so the DevTools page is let in once the
 * background's snapshot is here (or cannot come): a hooked stream never shows twice, even briefly.
 */
let linked = false;
function linkDevtools(): void {
  if (linked) return;
  linked = true;
  offerPanel(window as LinkWindow, store);
}

function start(): PanelActions {
  if (!Number.isSafeInteger(tabId) || tabId < 0) {
    problem.value = 'No tab to inspect: open this page from DevTools, or as panel.html?tabId=N.';
    linkDevtools();
    return { clear: () => store.clear(), setPreserveLog: (value) => (store.preserveLog.value = value), setBudgets: () => {} };
  }
  const client = connectPanel(
    tabId,
    storeEvents(store, {
      onReady: linkDevtools,
      onProblem: (text) => {
        problem.value = text;
        if (text) linkDevtools();
      },
    }),
    openPort,
  );
  // Live streams notice a stall while no data arrives.
  setInterval(() => store.streams.tickLive(Date.now()), 1000);
  return {
    clear() {
      store.clear();
      client.clear();
    },
    setPreserveLog(value) {
      store.preserveLog.value = value;
      client.setPreserveLog(value);
    },
    setBudgets: client.setBudgets,
  };
}

const actions = start();

function Root() {
  return (
    <StoreContext.Provider value={store}>
      <App actions={actions} problem={problem.value} />
    </StoreContext.Provider>
  );
}

render(<Root />, document.getElementById('root')!);
