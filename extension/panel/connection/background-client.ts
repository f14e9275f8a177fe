/**
 * The panel's typed client of the background: a reconnecting port wall per inspected tab (Chrome
 * stops and restarts the service worker; each connection starts with `reset`, then the tab's whole
 * capture, then `ready`, then live events). Bytes stay base64 here: the panel's decode worker
 * decodes them, so a chunk costs this UI thread nothing but passing its string on.
 */
import { CAPTURE_PROTOCOL_VERSION, panelPortName } from '../../shared/hops.js';
import type { BackgroundToPanelMessage, Budgets, CapturedChunk, PanelToBackgroundMessage, StreamEnd, StreamInfo } from '../../shared/messages.js';
import { createPortWall } from '../../shared/wall/port-wall.js';
import type { RuntimePort } from '../../shared/wall/runtime-port.js';

export type PanelEvents = {
  /** A (re)connection: forget everything; the whole capture follows. */
  reset(state: { tabId: number; preserveLog: boolean; budgets: Budgets; tabBytes: number }): void;
  /** The capture so far has been replayed; events from here on are live. */
  ready(): void;
  streamAdded(stream: StreamInfo): void;
  /** Captured bytes, as base64 as they came. */
  data(streamId: string, chunks: CapturedChunk[]): void;
  /** A budget stopped keeping the stream's bytes: `bytes` were kept; `note` says which budget. */
  truncated(streamId: string, bytes: number, note: string): void;
  ended(streamId: string, end: StreamEnd, truncated: boolean): void;
  removed(streamIds: string[]): void;
  navigated(url: string, removed: string[]): void;
  preserveLog(value: boolean): void;
  budgets(budgets: Budgets): void;
  /** Bytes the tab's capture holds now, against its budget. */
  tabUsage(bytes: number): void;
  /** Something about this tab's capture the user should know (e.g. a flood was dropped). */
  notice(text: string): void;
  /** A problem to show the user, or null once it is gone. */
  problem(text: string | null): void;
};

export type PanelClient = {
  setPreserveLog(value: boolean): void;
  setBudgets(budgets: Budgets): void;
  clear(): void;
  close(): void;
};

/** `connect` opens a runtime port (`browser-port.ts` in the panel page, in-memory ports in tests). */
export function connectPanel(tabId: number, events: Partial<PanelEvents>, connect: (name: string) => RuntimePort): PanelClient {
  function apply(message: BackgroundToPanelMessage): void {
    switch (message.kind) {
      case 'hello':
        if (message.version !== CAPTURE_PROTOCOL_VERSION) {
          return events.problem?.(`The streamscope background speaks capture protocol ${message.version}, this panel ${CAPTURE_PROTOCOL_VERSION}: close and reopen DevTools.`);
        }
        events.problem?.(null);
        return events.reset?.({ tabId: message.tabId, preserveLog: message.preserveLog, budgets: message.budgets, tabBytes: message.tabBytes });
      case 'snapshot-done':
        return events.ready?.();
      case 'stream-added':
        return events.streamAdded?.(message.stream);
      case 'stream-data':
        return events.data?.(message.streamId, message.chunks);
      case 'stream-truncated':
        return events.truncated?.(message.streamId, message.bytes, message.note);
      case 'stream-ended':
        return events.ended?.(message.streamId, message.end, message.truncated);
      case 'streams-removed':
        return events.removed?.(message.streamIds);
      case 'navigated':
        return events.navigated?.(message.url, message.removed);
      case 'preserve-log':
        return events.preserveLog?.(message.value);
      case 'budgets':
        return events.budgets?.(message.budgets);
      case 'tab-usage':
        return events.tabUsage?.(message.bytes);
      case 'notice':
        return events.notice?.(message.text);
    }
  }

  const wall = createPortWall<BackgroundToPanelMessage, PanelToBackgroundMessage>({
    connect: () => connect(panelPortName(tabId)),
    lazy: false,
    // a worker that stopped after answering is restarted by connecting at once; one that never
    // answered is asked again ever more slowly
    onDisconnect: (answered) => {
      if (!answered) events.problem?.('The streamscope background did not answer: reload the extension.');
    },
    onDead: () => events.problem?.('The extension was reloaded or removed: close and reopen DevTools.'),
  });
  wall.listen(apply);

  return {
    setPreserveLog: (value) => wall.send({ kind: 'set-preserve-log', value }),
    setBudgets: (budgets) => wall.send({ kind: 'set-budgets', budgets }),
    clear: () => wall.send({ kind: 'clear' }),
    close: wall.close,
  };
}
