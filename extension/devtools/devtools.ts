/**
 * The DevTools page: adds the "streamscope" panel and, for as long as DevTools is open, reads SSE
 * responses from the network log for the panel's fallback (streams the page hook missed).
 */
import '../shared/zod-jitless.js';
import browser from 'webextension-polyfill';
import { limits, PANEL_PAGE_PATH } from '../shared/hops.js';
import { offerDevtools, type LinkWindow } from '../panel/connection/panel-handle.js';
import { readNetworkLogStream, type FinishedRequest } from './network-log.js';
import { createPendingStreams } from './pending-streams.js';

const pending = createPendingStreams(limits.streamsPerTab);

function follow(request: FinishedRequest): void {
  void readNetworkLogStream(request).then((stream) => stream && pending.add(stream));
}

browser.devtools.network.onRequestFinished.addListener((request) => follow(request as unknown as FinishedRequest));

// Requests DevTools logged before this page ran.
void browser.devtools.network.getHAR().then((log) => {
  for (const entry of (log as { entries: unknown[] }).entries) {
    if (typeof (entry as Partial<FinishedRequest>).getContent === 'function') follow(entry as unknown as FinishedRequest);
  }
});

const devtools = { attach: pending.attach };
void browser.devtools.panels.create('streamscope', '', PANEL_PAGE_PATH).then((panel) => {
  panel.onShown.addListener((panelWindow) => offerDevtools(panelWindow as unknown as LinkWindow, devtools));
});
