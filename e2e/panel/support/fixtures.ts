/**
 * The panel tests' fixtures: the capture tests' Chromium with the extension (`extension`), plus
 * the demo streams' mock server and helpers to start a stream in a page and open the panel on its tab.
 */
import type { Page } from '@playwright/test';
import { PANEL_PAGE_PATH } from '../../../extension/shared/hops.js';
import { test as base } from '../../extension/fixtures.js';
import { startPanelServer, type PanelServer } from './panel-server.js';

export { expect } from '@playwright/test';

/** Starts reading `scenario` in the page the way a chat client does (a POST to `url`), without waiting for it. */
export async function startStream(page: Page, url: string, scenario: string): Promise<void> {
  await page.evaluate(
    ([url, scenario]) => {
      const init = { method: 'POST', headers: { 'content-type': 'application/json', 'x-streamscope-scenario': scenario }, body: JSON.stringify({ messages: [] }) };
      void fetch(url, init).then((response) => response.text());
    },
    [url, scenario] as const,
  );
}

export function panelUrl(extensionId: string, tabId: number, theme?: 'light' | 'dark'): string {
  return `chrome-extension://${extensionId}/${PANEL_PAGE_PATH}?tabId=${tabId}${theme ? `&theme=${theme}` : ''}`;
}

export const test = base.extend<object, { panelServer: PanelServer }>({
  panelServer: [
    async ({}, use) => {
      const server = await startPanelServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});
