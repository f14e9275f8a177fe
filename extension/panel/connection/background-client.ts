/// <reference types="chrome" />
/**
 * The panel's typed client of the background: one port per inspected tab, reconnected when
 * Chrome stops and restarts the service worker (each connection starts with `reset`, then the
 * tab's whole capture, then `ready`, then live events). Bytes arrive decoded. The port factory is a parameter so tests run it against an in-memory background.
 */
import { panelPortName } from '../../shared/hops.js';
import { fromBase64 } from '../../shared/base64.js';
import type { BackgroundToPanelMessage, PanelToBackgroundMessage, StreamEnd, StreamInfo } from '../../shared/messages.js';

export type PanelChunk = { bytes: Uint8Array; at: number };

export type PanelEvents = {
  /** A (re)connection: forget everything; the whole capture follows. */
  reset(state: { tabId: number; preserveLog: boolean }): void;
  /** The capture so far has been replayed; events from here on are live. */
  ready(): void;
  streamAdded(stream: StreamInfo): void;
  data(streamId: string, chunks: PanelChunk[]): void;
  ended(streamId: string, end: StreamEnd, truncated: boolean): void;
  removed(streamIds: string[]): void;
  navigated(url: string, removed: string[]): void;
  preserveLog(value: boolean): void;
  /** A problem to show the user, or null once it is gone. */
  problem(text: string | null): void;
};

export type PortLike = Pick<chrome.runtime.Port, 'postMessage' | 'disconnect'> & {
  onMessage: { addListener(listener: (message: BackgroundToPanelMessage) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
};

export type PanelClient = {
  setPreserveLog(value: boolean): void;
  clear(): void;
  close(): void;
};

const chromeConnect = (name: string): PortLike => chrome.runtime.connect({ name });

export function connectPanel(tabId: number, events: Partial<PanelEvents>, connect: (name: string) => PortLike = chromeConnect): PanelClient {
  let port: PortLike | null = null;
  let closed = false;

  function apply(message: BackgroundToPanelMessage): void {
    switch (message.kind) {
      case 'hello':
        events.problem?.(null);
        return events.reset?.({ tabId: message.tabId, preserveLog: message.preserveLog });
      case 'snapshot-done':
        return events.ready?.();
      case 'stream-added':
        return events.streamAdded?.(message.stream);
      case 'stream-data':
        return events.data?.(message.streamId, message.chunks.map(({ base64, at }) => ({ bytes: fromBase64(base64), at })));
      case 'stream-ended':
        return events.ended?.(message.streamId, message.end, message.truncated);
      case 'streams-removed':
        return events.removed?.(message.streamIds);
      case 'navigated':
        return events.navigated?.(message.url, message.removed);
      case 'preserve-log':
        return events.preserveLog?.(message.value);
    }
  }

  function open(): void {
    let answered = false;
    try {
      port = connect(panelPortName(tabId));
    } catch {
      events.problem?.('The extension was reloaded or removed: close and reopen DevTools.');
      return;
    }
    port.onMessage.addListener((message) => {
      answered = true;
      apply(message);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (closed) return;
      // a worker that stopped after answering is restarted by connecting; one that never answered
      // would only refuse again
      if (answered) open();
      else events.problem?.('The streamscope background did not answer: reload the extension.');
    });
  }

  function send(message: PanelToBackgroundMessage): void {
    try {
      port?.postMessage(message);
    } catch {
      // disconnected: the reconnection brings the current state
    }
  }

  open();
  return {
    setPreserveLog: (value) => send({ kind: 'set-preserve-log', value }),
    clear: () => send({ kind: 'clear' }),
    close() {
      closed = true;
      port?.disconnect();
      port = null;
    },
  };
}
