/** The demo chat page of a mock server, with DevTools open on it and the streamscope panel selected. */
import type { Page } from '@playwright/test';
import { ensureDemoBuilt } from '../../support/demo-build.js';
import { launchWithDevtools, type DevtoolsBrowser, type Panel } from './devtools.js';

export type DemoInDevtools = { devtools: DevtoolsBrowser; page: Page; panel: Panel };

export async function openDemoInDevtools(serverUrl: string): Promise<DemoInDevtools> {
  ensureDemoBuilt();
  const devtools = await launchWithDevtools();
  const page = devtools.context.pages()[0] ?? (await devtools.context.newPage());
  await page.goto(`${serverUrl}/`);
  return { devtools, page, panel: await devtools.openPanel(page) };
}
