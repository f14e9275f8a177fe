/**
 * The opt-in `devtools` fixture of `streamscope/playwright`, imported by package name as a user
 * does: Chromium with the extension, DevTools open on `devtools.page` with the panel selected, the
 * page's chat routed to the worker's mock server, and the panel read through `devtools.panel`.
 */
import { test, expect } from 'streamscope/playwright';
import { startMockServer, createRegistry, type MockServer } from 'streamscope/mock-server';
import { ensureDemoBuilt } from '../support/demo-build.js';

let app: MockServer;

test.beforeAll(async () => {
  ensureDemoBuilt();
  app = await startMockServer({ port: 0, registry: createRegistry([]) });
});

test.afterAll(async () => {
  await app?.close();
});

test('watching in DevTools: the panel lists the chat the page streamed, with its findings and text', async ({ devtools, mock }) => {
  const { page, panel } = devtools;
  await mock.route(page);
  mock.useScenario('duplicate-finish');
  await page.goto(app.url);
  await page.getByTestId('send').click();
  await expect(page.getByTestId('message-assistant')).toContainText('All done here.');

  const [row] = await panel.waitForRows('the chat, ended and judged', (rows) => rows.length === 1 && rows[0].settled && rows[0].state !== 'live');
  expect(row.path).toBe('Hello! /api/chat');
  await panel.select('Hello!');
  await panel.show('findings');
  const { findings } = await panel.waitForDetail('its findings', (detail) => detail.findings.length > 0);
  expect(findings).toContain('duplicate-finish');
  await panel.show('message');
  await panel.waitForDetail('the text the page shows', (detail) => detail.messageText === 'All done here.');
});
