/**
 * The background's logic, with no browser API: relays' batches are validated (the relay runs in a
 * page it cannot trust), applied to the tab store by the sender's real tab and frame, shown to the
 * tab's panels, stored, and acknowledged once stored; panels get their tab's capture and change
 * preferences and budgets. Every task waits for the stored state to load, and none throws (a
 * throw in a service-worker listener is seen by nobody): problems go to `warn`.
 */
import {
  panelToBackgroundMessageSchema,
  relayToBackgroundMessageSchema,
  type BackgroundToPanelMessage,
  type BackgroundToRelayMessage,
  type Budgets,
  type PanelToBackgroundMessage,
  type RelayToBackgroundMessage,
} from '../shared/messages.js';
import { checkedWall } from '../shared/wall/checked-wall.js';
import { wallOfPort } from '../shared/wall/port-wall.js';
import type { RuntimePort } from '../shared/wall/runtime-port.js';
import type { PanelHub } from './panels.js';
import type { Persistence } from './persistence.js';
import { senderOf } from './stream-routes.js';
import type { TabStore } from './tab-store.js';

export type BackgroundOptions = {
  store: TabStore;
  panels: PanelHub;
  persistence: Persistence;
  /** Resolves once the stored state is loaded. */
  ready: Promise<unknown>;
  /** `runtime.getURL('')`: ports from the extension's own pages are panels, never relays. */
  extensionOrigin: string;
  /** Stores the budgets the user chose, for the next worker start. */
  saveBudgets(budgets: Budgets): Promise<void>;
  warn(message: string, detail?: unknown): void;
  now?(): number;
};

export function createBackground(options: BackgroundOptions) {
  const { store, panels, persistence, extensionOrigin, warn } = options;
  const now = options.now ?? Date.now;

  const usage = (tabId: number): BackgroundToPanelMessage => ({ kind: 'tab-usage', bytes: store.used(tabId).tab });

  /** Runs `task` once state is loaded, in arrival order, never throwing. */
  function whenReady(task: () => void): void {
    void options.ready.then(() => {
      try {
        task();
      } catch (error) {
        warn('a background task failed', error);
      }
    });
  }

  function relayConnected(port: RuntimePort): void {
    const sender = senderOf(port, extensionOrigin);
    if (!sender) return port.disconnect();
    const wall = checkedWall<RelayToBackgroundMessage, BackgroundToRelayMessage>(wallOfPort(port), relayToBackgroundMessageSchema);
    wall.listen((batch) =>
      whenReady(() => {
        const result = store.applyBatch(sender, batch, now());
        panels.broadcast(result.tabId, [...result.messages, usage(result.tabId)]);
        void persistence.saved().then(() => wall.send({ kind: 'ack', upTo: result.upTo }));
      }),
    );
  }

  function onPanelMessage(tabId: number, message: PanelToBackgroundMessage): void {
    switch (message.kind) {
      case 'set-preserve-log':
        store.setPreserveLog(tabId, message.value);
        panels.broadcast(tabId, [{ kind: 'preserve-log', value: message.value }]);
        break;
      case 'clear':
        panels.broadcast(tabId, [{ kind: 'streams-removed', streamIds: store.clear(tabId) }, usage(tabId)]);
        break;
      case 'set-budgets': {
        const budgets = store.setBudgets(message.budgets);
        panels.broadcastAll({ kind: 'budgets', budgets });
        void options.saveBudgets(budgets).catch((error) => warn('could not store the budgets', error));
        break;
      }
    }
    void persistence.saved();
  }

  function panelConnected(port: RuntimePort, tabId: number): void {
    if (!port.sender?.url?.startsWith(extensionOrigin)) return port.disconnect();
    const wall = wallOfPort<unknown, BackgroundToPanelMessage>(port);
    whenReady(() => panels.add(tabId, wall));
    checkedWall<PanelToBackgroundMessage, BackgroundToPanelMessage>(wall, panelToBackgroundMessageSchema).listen((message) =>
      whenReady(() => onPanelMessage(tabId, message)),
    );
  }

  return {
    relayConnected,
    panelConnected,
    /** A frame of a tab committed a navigation (epoch ms `at`); only the top frame's counts. */
    navigated(tabId: number, frameId: number, url: string, at: number): void {
      if (frameId !== 0) return;
      whenReady(() => {
        const removed = store.navigated(tabId, at);
        panels.broadcast(tabId, [{ kind: 'navigated', url, removed }, usage(tabId)]);
        if (removed.length) void persistence.saved();
      });
    },
    tabRemoved(tabId: number): void {
      whenReady(() => {
        panels.broadcast(tabId, [{ kind: 'streams-removed', streamIds: store.removeTab(tabId) }]);
        void persistence.saved();
      });
    },
  };
}
