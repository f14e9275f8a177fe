/**
 * The set-up most panel tests in real DevTools share: the demo streams' server, Chromium with
 * DevTools open on a page of it, and the streamscope panel selected.
 */
import type { Page } from '@playwright/test';
import { launchWithDevtools, type DevtoolsBrowser, type Panel } from './devtools.js';
import { startPanelServer, type PanelServer } from './panel-server.js';

export type DemoChatPanel = { server: PanelServer; devtools: DevtoolsBrowser; page: Page; panel: Panel; close(): Promise<void> };

export async function openDemoChatPanel(): Promise<DemoChatPanel> {
  const server = await startPanelServer();
  const devtools = await launchWithDevtools().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const close = async () => {
    await devtools.close();
    await server.close();
  };
  try {
    const page = await devtools.context.newPage();
    await page.goto(server.page);
    return { server, devtools, page, panel: await devtools.openPanel(page), close };
  } catch (error) {
    await close();
    throw error;
  }
}
