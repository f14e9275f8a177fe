/**
 * The run e2e/playwright/workers.spec.ts starts: isolation.parallel.ts in two parallel workers, as
 * a user's config would run it (the outer suite runs one worker at a time).
 */
import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../support/chromium.js';

export default defineConfig({
  testDir: '.',
  testMatch: '*.parallel.ts',
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
  use: { trace: 'off', launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? findChromium(), args: [...chromiumArgs] } },
});
