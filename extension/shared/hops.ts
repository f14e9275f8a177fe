/**
 * Every hop of the capture path named once: page hook (MAIN world) → relay (isolated world) →
 * background (service worker) → panel. Plain constants with no dependencies, because the page
 * hook runs in every frame of every page and must stay tiny (the zod schemas of these hops live
 * in `messages.ts`, which re-exports everything here).
 */

/** Bumped whenever a message changes shape, so mismatched sides notice. */
export const CAPTURE_PROTOCOL_VERSION = 3;

/** `window.postMessage` tag of messages from the page hook. */
export const PAGE_MESSAGE_SOURCE = 'streamscope:page';
/** `runtime.connect` port name of a relay. */
export const RELAY_PORT_NAME = 'streamscope:relay';
/** `runtime.connect` port name prefix of a panel: `streamscope:panel:<tabId>`. */
export const PANEL_PORT_PREFIX = 'streamscope:panel:';
/** Where the built extension keeps its pages (Vite keeps the source paths). */
export const PANEL_PAGE_PATH = 'extension/panel/panel.html';
export const DEVTOOLS_PAGE_PATH = 'extension/devtools/devtools.html';

/** Caps of the capture path, in the project's one limits table. */
export { limits } from '../../protocol/limits.js';

export function panelPortName(tabId: number): string {
  return `${PANEL_PORT_PREFIX}${tabId}`;
}

/** The tab id in a panel port name, or null when the name is not one. */
export function tabIdOfPanelPort(name: string): number | null {
  if (!name.startsWith(PANEL_PORT_PREFIX)) return null;
  const tabId = Number(name.slice(PANEL_PORT_PREFIX.length));
  return Number.isSafeInteger(tabId) && tabId >= 0 ? tabId : null;
}
