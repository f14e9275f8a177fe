import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/support/chromium.js';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  reporter: 'list',
  // Specs that use Playwright's own `browser` / `page` (the streamscope/playwright fixtures) get
  // the same Chromium as the rest; global set-up installs it where none exists.
  use: { trace: 'off', launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? findChromium(), args: [...chromiumArgs] } },
});
