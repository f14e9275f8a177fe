/**
 * Playwright fixtures for testing the built extension in real Chromium: `extension` (a persistent
 * context with dist/extension loaded, built first when missing), `plain` (Chromium without it, for
 * comparisons) and `server` (the local test server). Other suites import `test` from here.
 */
import { test as base, type BrowserContext } from '@playwright/test';
import { launchWithExtension, launchWithoutExtension, type ExtensionBrowser } from './browser.js';
import { startTestServer, type TestServer } from './test-server.js';

export * from './browser.js';

type WorkerFixtures = { server: TestServer; extension: ExtensionBrowser; plain: BrowserContext };

/** `test` with `server`, `extension` (Chromium with streamscope) and `plain` (Chromium without). */
export const test = base.extend<object, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startTestServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  extension: [
    async ({}, use) => {
      const extension = await launchWithExtension();
      await use(extension);
      await extension.close();
    },
    { scope: 'worker' },
  ],
  plain: [
    async ({}, use) => {
      const context = await launchWithoutExtension();
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
