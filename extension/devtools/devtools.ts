/// <reference types="chrome" />
/**
 * The DevTools page: adds the "streamscope" panel and, for as long as DevTools is open, reads SSE
 * responses from the network log for the panel's fallback (streams the page hook missed).
 */
import '../shared/zod-jitless.js';
import { limits, PANEL_PAGE_PATH } from '../shared/hops.js';
import { offerDevtools, type LinkWindow } from '../panel/connection/panel-handle.js';
import { readNetworkLogStream, type FinishedRequest } from './network-log.js';
import { createPendingStreams } from './pending-streams.js';

const pending = createPendingStreams(limits.streamsPerTab);

function follow(request: FinishedRequest): void {
  readNetworkLogStream(request).then((stream) => stream && pending.add(stream));
}

chrome.devtools.network.onRequestFinished.addListener((request) => follow(request as unknown as FinishedRequest));
// Requests DevTools logged before this page ran.
chrome.devtools.network.getHAR((log) => {
  for (const entry of log.entries) {
    if (typeof (entry as Partial<FinishedRequest>).getContent === 'function') follow(entry as unknown as FinishedRequest);
  }
});

const devtools = { attach: pending.attach };
chrome.devtools.panels.create('streamscope', '', PANEL_PAGE_PATH, (panel) => {
  panel.onShown.addListener((panelWindow) => offerDevtools(panelWindow as LinkWindow, devtools));
});
