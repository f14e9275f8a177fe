/**
 * Every hop of the capture path named once: page hook (MAIN world) → relay (isolated world) →
 * background (service worker) → panel. Plain constants with no dependencies, because the page
 * hook runs in every frame of every page and must stay tiny (the zod schemas of these hops live
 * in `messages.ts`, which re-exports everything here).
 */

/** Bumped whenever a message changes shape, so mismatched sides notice. */
export const CAPTURE_PROTOCOL_VERSION = 2;

/** `window.postMessage` tag of messages from the page hook. */
export const PAGE_MESSAGE_SOURCE = 'streamscope:page';
/** `runtime.connect` port name of a relay. */
export const RELAY_PORT_NAME = 'streamscope:relay';
/** `runtime.connect` port name prefix of a panel: `streamscope:panel:<tabId>`. */
export const PANEL_PORT_PREFIX = 'streamscope:panel:';
/** Where the built extension keeps its pages (Vite keeps the source paths). */
export const PANEL_PAGE_PATH = 'extension/panel/panel.html';
export const DEVTOOLS_PAGE_PATH = 'extension/devtools/devtools.html';

export const limits = {
  /** Bytes of one body chunk in one message; larger reads are split by the hook. */
  chunkBytes: 256 * 1024,
  /** Bytes kept of one stream; past it the stream is marked truncated. */
  streamBytes: 64 * 1024 * 1024,
  /** Bytes kept for one tab across its streams; past it the oldest ended streams are dropped. */
  tabBytes: 256 * 1024 * 1024,
  /** Bytes a relay holds unacknowledged; past it new chunks are dropped and the stream truncated. */
  relayQueueBytes: 32 * 1024 * 1024,
  /** Messages in one relay → background batch, and their bytes (Chrome caps a message at 64 MiB). */
  batchMessages: 512,
  batchBytes: 8 * 1024 * 1024,
  /** Characters kept of a request body. */
  requestBody: 64 * 1024,
  /** Characters of a URL, header name or value. */
  text: 8 * 1024,
  headers: 200,
  /** Streams tracked for one tab. */
  streamsPerTab: 500,
} as const;

export function panelPortName(tabId: number): string {
  return `${PANEL_PORT_PREFIX}${tabId}`;
}

/** The tab id in a panel port name, or null when the name is not one. */
export function tabIdOfPanelPort(name: string): number | null {
  if (!name.startsWith(PANEL_PORT_PREFIX)) return null;
  const tabId = Number(name.slice(PANEL_PORT_PREFIX.length));
  return Number.isSafeInteger(tabId) && tabId >= 0 ? tabId : null;
}
