/**
 * How the DevTools page and the panel page find each other. The panel page loads only when the
 * user first shows the panel, while the DevTools page watches the network log from the moment
 * DevTools opens; `onShown` gives the DevTools page the panel's window, possibly before the
 * panel's script has run. So each side leaves its half on that window and whichever comes second
 * completes the link.
 */
import type { StreamMeta } from '../../shared/messages.js';
import type { PanelStore } from '../state/store.js';

/** `body` is null when DevTools kept none. */
export type NetworkLogStream = { meta: StreamMeta; body: string | null };

/** What the panel offers the DevTools page. */
export type PanelHandle = { addNetworkLogStreams(streams: readonly NetworkLogStream[]): void };
/** What the DevTools page offers the panel. */
export type DevtoolsHandle = { attach(panel: PanelHandle): void };

const panelKey = '__streamscopePanel';
const devtoolsKey = '__streamscopeDevtools';

export type LinkWindow = Window & { [panelKey]?: PanelHandle; [devtoolsKey]?: DevtoolsHandle };

/** Panel side, at startup. */
export function offerPanel(target: LinkWindow, store: PanelStore): void {
  const panel: PanelHandle = {
    addNetworkLogStreams(streams) {
      for (const { meta, body } of streams) store.streams.addFromNetworkLog(meta, body);
    },
  };
  target[panelKey] = panel;
  target[devtoolsKey]?.attach(panel);
}

/** DevTools page side, on `onShown`. */
export function offerDevtools(target: LinkWindow, devtools: DevtoolsHandle): void {
  if (target[devtoolsKey] === devtools) return;
  target[devtoolsKey] = devtools;
  const panel = target[panelKey];
  if (panel) devtools.attach(panel);
}
