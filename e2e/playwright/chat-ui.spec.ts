/**
 * `streamscope/playwright` used exactly as a user would — imported by package name — against the
 * demo chat page (the real AI SDK client). The page is served by a server that knows no
 * scenarios, so every reply the page gets came through `mock.route` to the worker's mock server;
 * one test watches it in DevTools through the opt-in `devtools` fixture.
 */
import { test, expect } from 'streamscope/playwright';
import type { Page } from '@playwright/test';
import { startMockServer, createRegistry, type MockServer } from 'streamscope/mock-server';
import { chromiumArgs } from '../support/chromium.js';
import { ensureDemoBuilt } from '../support/demo-build.js';

let app: MockServer;

test.beforeAll(async () => {
  ensureDemoBuilt();
  app = await startMockServer({ port: 0, registry: createRegistry([]) });
});

test.afterAll(async () => {
  await app?.close();
});

async function send(page: Page, prompt = 'Hello!'): Promise<void> {
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('send').click();
}

const replyText = (page: Page) => page.getByTestId('message-assistant').last().getByTestId('part-text');

test.describe('a slow scenario', () => {
  test.use({ scenario: 'slow-drip' });

  test('streams into the page before its stream ends, then finishes clean', async ({ page, mock, streams }) => {
    await mock.route(page);
    await page.goto(app.url);
    await send(page);
    await expect(replyText(page)).toContainText('Slo');
    // The page shows part of the reply while the response is still open: it streams.
    await expect.poll(() => streams.all().map((stream) => stream.live)).toEqual([true]);
    await expect(replyText(page)).not.toContainText('Slow drip.');

    await expect(streams).toHaveFinished();
    await expect(streams).toHaveNoFindings();
    await expect(streams).toHaveMessageText('Slow drip.');
    await expect(replyText(page)).toContainText('Slow drip.');
    expect(streams.all()[0].report().summary.durationMs).toBeGreaterThan(2000);
  });
});

test.describe('a stuck session', () => {
  test.use({ scenario: 'stop-ignored', lintOptions: { stallMs: 1000 } });

  test('is found after the page\'s Stop: it stalls, and ends without finish', async ({ page, mock, streams }) => {
    await mock.route(page);
    await page.goto(app.url);
    await send(page);
    await expect(replyText(page)).toContainText('Press');
    await page.getByTestId('stop').click();
    // The stop request reached the mock (the app's own server has no stream to stop).
    await expect(page.getByTestId('chat-status')).toContainText('Stop requested');
    // The server ignored it: heartbeats only, and the live stream stalls.
    await expect(streams).toHaveFindings(['stall']);
    expect(streams.all()[0].live).toBe(true);
    await expect(page.getByTestId('chat-status')).toContainText('streaming');

    await page.getByTestId('abort').click();
    await expect(streams).toHaveFindings(['missing-finish', 'missing-done', 'stall'], { exact: true });
    await expect(streams).not.toHaveFinished();
  });
});

test('switching scenarios mid-test: each request gets the scenario chosen before it', async ({ page, mock, streams }) => {
  await mock.route(page);
  await page.goto(app.url);
  mock.useScenario('plain-text');
  await send(page);
  await expect(streams.at(0)).toHaveFinished();
  await expect(streams.at(0)).toHaveMessageText(/^Hello! This reply is streamed/);
  await expect(page.getByTestId('chat-status')).toHaveText('ready');

  mock.useScenario('tool-multistep');
  await send(page, 'And the weather?');
  await expect(streams.at(1)).toHaveMessageText('It is 21°C in Berlin: sunny tomorrow, then rain.');
  await expect(streams).toHaveNoFindings({ threshold: 'info' });
  await expect(page.getByTestId('message-assistant').last().getByTestId('part-tool')).toHaveCount(2);
  await expect(replyText(page)).toContainText('It is 21°C in Berlin');
  expect(streams.all().map((stream) => new URL(stream.url).pathname)).toEqual(['/api/chat', '/api/chat']);
});

test('a custom scenario object is served, broken bytes and all', async ({ page, mock, streams }) => {
  await mock.route(page);
  await page.goto(app.url);
  const name = mock.useScenario({
    expect: ['invalid-json'],
    steps: [
      { step: 'chunk', chunk: { type: 'start', messageId: 'msg-custom' } },
      { step: 'text', text: 'Custom reply.', rate: 50 },
      { step: 'hold', name: 'before-broken-bytes' },
      { step: 'raw', data: 'data: {"type":"text-delta",\n\n' },
      { step: 'chunk', chunk: { type: 'finish' } },
      { step: 'done' },
    ],
  });
  expect(name).toMatch(/^runtime-\d+$/);
  await send(page);
  await mock.held('before-broken-bytes');
  await expect(replyText(page)).toContainText('Custom reply.');
  // The capture reaches the test a moment after the page renders: wait for it, live.
  await expect.poll(() => streams.all()[0]?.live).toBe(true);
  expect(mock.release('before-broken-bytes')).toBe(1);
  await expect(streams).toHaveFindings(['invalid-json'], { exact: true });
  await expect(streams).toHaveMessageText('Custom reply.');
  // The real client fails the stream on the bad JSON, as the finding says.
  await expect(page.getByTestId('chat-error')).toBeVisible();
  expect(() => mock.useScenario({ expect: [], steps: [{ step: 'chunk', chunk: { type: 'text-delta' } }] } as never)).toThrow(/steps\[0\]\.chunk/);
  expect(() => mock.useScenario('no-such-scenario')).toThrow(/unknown scenario "no-such-scenario"; known: .*plain-text/);
});

test('a failing matcher says what it expected and shows the findings and the events', async ({ page, mock, streams }) => {
  await mock.route(page);
  await page.goto(app.url);
  mock.useScenario('duplicate-finish');
  await send(page);
  await expect(streams).toHaveFindings(['duplicate-finish']);

  const quick = expect.configure({ timeout: 300 });
  const failure = await quick(streams)
    .toHaveNoFindings()
    .then(() => 'passed')
    .catch((error: Error) => error.message);
  expect(failure).toContain('Expected the latest stream to have no findings at or above "warning"');
  expect(failure).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/api\/chat → 200, ended \(complete\)/);
  expect(failure).toMatch(/error\s+duplicate-finish/);
  expect(failure).toMatch(/#\s+at\s+kind\s+type\s+payload/);
  expect(failure).toMatch(/\d+\s+\d+ms\s+chunk\s+finish\s+.*← duplicate-finish/);

  const negated = await quick(streams.at(0))
    .not.toHaveFinished()
    .then(() => 'passed')
    .catch((error: Error) => error.message);
  expect(negated).toContain('Expected streams.at(0) not to have finished');

  const missing = await quick(streams.at(5))
    .toHaveFinished()
    .then(() => 'passed')
    .catch((error: Error) => error.message);
  expect(missing).toContain('No such stream after 300 ms: the page read 1 SSE response(s) in this test.');
});

// The opt-in `devtools` fixture: its own Chromium with the extension, DevTools open on `devtools.page`.
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

test.describe('Local Network Access', () => {
  test.use({ scenario: 'plain-text' });
  const publicOrigin = 'http://chat.example.test';
  const chatPage = `<!doctype html><p id="reply"></p><script>
    fetch('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messages":[]}' })
      .then(async (response) => { const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) { const { done, value } = await reader.read(); if (done) break; document.getElementById('reply').textContent += value; } })
      .catch((error) => { document.getElementById('reply').textContent = 'failed: ' + error.message; });
  </script>`;

  async function openPublicPage(page: Page): Promise<void> {
    await page.route(`${publicOrigin}/`, (route) => route.fulfill({ contentType: 'text/html', body: chatPage }));
    await page.goto(`${publicOrigin}/`);
  }

  test('a page on a public origin reaches the loopback mock through the fixture\'s browser', async ({ page, mock, streams }) => {
    await mock.route(page);
    await openPublicPage(page);
    await expect(streams).toHaveFinished();
    await expect(page.locator('#reply')).toContainText('"type":"finish"');
    expect(mock.problems()).toEqual([]);
  });

  test('a browser launched without the fixture says what to do', async ({ playwright, launchOptions, mock }) => {
    const browser = await playwright.chromium.launch({ executablePath: launchOptions.executablePath, args: [...chromiumArgs] });
    try {
      const page = await browser.newPage();
      await mock.route(page);
      await openPublicPage(page);
      await expect(page.locator('#reply')).toContainText('failed');
      await expect.poll(() => mock.problems()).toEqual([expect.stringContaining("Chromium's Local Network Access blocked the page http://chat.example.test/")]);
      expect(mock.problems()[0]).toContain(`--ip-address-space-overrides=127.0.0.1:${new URL(mock.url).port}=public`);
    } finally {
      await browser.close();
    }
  });
});
