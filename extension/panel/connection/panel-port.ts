/// <reference types="chrome" />
/**
 * The panel's connection to the background for one tab. Chrome stops the MV3 service worker when
 * idle, which disconnects the port: the panel connects again at once (connecting wakes the
 * worker) and the background answers with a fresh snapshot. No keep-alive timers.
 */
import { panelPortName } from '../../shared/hops.js';
import type { BackgroundToPanelMessage, PanelToBackgroundMessage } from '../../shared/messages.js';

export type PanelPort = { send(message: PanelToBackgroundMessage): void };

type Handlers = {
  onMessage(message: BackgroundToPanelMessage): void;
  /** A problem the user should see, or null once it is gone. */
  onProblem(problem: string | null): void;
};

export function openPanelPort(tabId: number, handlers: Handlers): PanelPort {
  let port: chrome.runtime.Port | null = null;

  function connect(): void {
    try {
      port = chrome.runtime.connect({ name: panelPortName(tabId) });
    } catch {
      handlers.onProblem('The extension was reloaded or removed: close and reopen DevTools.');
      return;
    }
    // Reconnect only after a connection that worked: a background that refuses us at once
    // would otherwise be asked again in a tight loop.
    let answered = false;
    port.onMessage.addListener((message: BackgroundToPanelMessage) => {
      if (!answered) handlers.onProblem(null);
      answered = true;
      handlers.onMessage(message);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (answered) connect();
      else handlers.onProblem('The streamscope background did not answer: reload the extension.');
    });
  }

  connect();
  return {
    send(message) {
      port?.postMessage(message);
    },
  };
}
