/**
 * The demo page. By default it talks to the server that served it; with `?worker` the same mock
 * handlers run in this browser instead, behind MSW's service worker (`setupWorker`).
 */
import { render } from 'preact';
import { App } from './components/App.js';

async function startInBrowserMock(): Promise<void> {
  const { setupMockWorker } = await import('../browser.js');
  await setupMockWorker().start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
}

const inBrowser = new URLSearchParams(location.search).has('worker');
if (inBrowser) await startInBrowserMock();
render(<App mockHost={inBrowser ? 'this browser (setupWorker)' : 'the server'} />, document.getElementById('app')!);
