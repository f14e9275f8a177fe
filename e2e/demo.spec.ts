/**
 * The demo chat page in Chromium, on the real AI SDK client: a reply streams in part by part, the
 * Stop button makes the server end a long stream with `abort` so the chat settles, and with
 * `?worker` the same handlers answer from inside the browser (MSW's setupWorker); `/sse/:scenario`
 * feeds a plain EventSource.
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from './support/chromium.js';
import { ensureDemoBuilt } from './support/demo-build.js';
import { startMockServer, type MockServer } from '../mock-server/transports/http-server.js';
import { createRegistry } from '../mock-server/scenarios/registry.js';

let server: MockServer;
let browser: Browser;

test.beforeAll(async () => {
  ensureDemoBuilt();
  server = await startMockServer({ port: 0 });
  browser = await chromium.launch({ executablePath: findChromium(), args: [...chromiumArgs] });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDemo(scenario: string, origin = server.url, query = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}/?scenario=${scenario}${query}`);
  await expect(page.getByTestId('scenario-info')).toBeVisible();
  await expect(page.getByTestId('scenario-select')).toHaveValue(scenario);
  return page;
}

test('a reply streams in as the server sends it, then the chat is ready', async () => {
  // The reasoning built-in, held mid-reasoning until the page has shown it streaming: no race with the script's pace.
  server.addScenario({
    name: 'reasoning-held',
    expect: [],
    steps: [
      { step: 'chunk', chunk: { type: 'start', messageId: 'msg-reasoning' } },
      { step: 'chunk', chunk: { type: 'start-step' } },
      { step: 'chunk', chunk: { type: 'reasoning-start', id: 'r' } },
      { step: 'chunk', chunk: { type: 'reasoning-delta', id: 'r', delta: 'The user asks for the sum of 17 and 25.' } },
      { step: 'hold', name: 'mid-reasoning' },
      { step: 'chunk', chunk: { type: 'reasoning-delta', id: 'r', delta: ' 17 plus 25 is 42.' } },
      { step: 'chunk', chunk: { type: 'reasoning-end', id: 'r' } },
      { step: 'text', text: '17 + 25 = 42.', rate: 30 },
      { step: 'chunk', chunk: { type: 'finish-step' } },
      { step: 'chunk', chunk: { type: 'finish', finishReason: 'stop' } },
      { step: 'done' },
    ],
  });
  const page = await openDemo('reasoning-held');
  await page.getByTestId('send').click();
  const assistant = page.getByTestId('message-assistant');
  await expect(assistant.getByTestId('part-reasoning').locator('.state')).toHaveText('streaming');
  await expect(assistant.getByTestId('part-text')).toHaveCount(0);
  await server.held('mid-reasoning');
  expect(server.release('mid-reasoning')).toBe(1);
  await expect(assistant.getByTestId('part-reasoning').locator('.state')).toHaveText('done');
  await expect(assistant.getByTestId('part-text').locator('.state')).toHaveText('done');
  await expect(assistant.getByTestId('part-text')).toContainText('17 + 25 = 42.');
  await expect(page.getByTestId('chat-status')).toHaveText('ready');
  await page.close();
});

test('a tool waits for approval; answering continues the same message with the output or the denial', async () => {
  for (const [button, state, answer] of [
    ['approve', 'output-available', 'Deleted notes.txt.'],
    ['deny', 'output-denied', 'OK, I left notes.txt alone.'],
  ] as const) {
    const page = await openDemo('tool-approval');
    await page.getByTestId('send').click();
    const assistant = page.getByTestId('message-assistant');
    await expect(assistant.getByTestId('part-tool').locator('.state')).toHaveText('approval-requested');
    await expect(page.getByTestId('chat-status')).toHaveText('ready');
    await assistant.getByTestId(button).click();
    await expect(assistant.getByTestId('part-text')).toContainText(answer);
    await expect(assistant.getByTestId('part-tool').locator('.state')).toHaveText(state);
    await expect(page.getByTestId('chat-status')).toHaveText('ready');
    // One assistant message: the answer continued it rather than adding another.
    await expect(page.getByTestId('message-assistant')).toHaveCount(1);
    await expect(assistant.getByTestId('approve')).toHaveCount(0);
    await page.close();
  }
});

test('Stop asks the server to stop; the stream ends with abort and the chat settles', async () => {
  const page = await openDemo('stop-completes');
  await page.getByTestId('send').click();
  const text = page.getByTestId('message-assistant').getByTestId('part-text');
  await expect(text).toContainText('This is a long');
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('chat-status')).toHaveText('ready — Stop requested: the server ends the stream.');
  await expect(page.getByTestId('chat-error')).toHaveCount(0);
  await expect(text).not.toContainText('press the button');
  await expect.poll(() => server.stats().activeStreams).toBe(0);
  await page.close();
});

test('with ?worker the handlers run in the browser: a server with no scenarios still streams them', async () => {
  const bare = await startMockServer({ port: 0, registry: createRegistry([]) });
  try {
    const page = await openDemo('tool-multistep', bare.url, '&worker');
    await expect(page.getByTestId('mock-host')).toHaveText('mock: this browser (setupWorker)');
    await page.getByTestId('send').click();
    const assistant = page.getByTestId('message-assistant');
    await expect(assistant.getByTestId('part-tool')).toHaveCount(2);
    await expect(assistant.getByTestId('part-text')).toContainText('It is 21°C in Berlin');
    await expect(page.getByTestId('chat-status')).toHaveText('ready');
    expect(await (await fetch(`${bare.url}/api/chat`, { method: 'POST', headers: { 'x-streamscope-scenario': 'tool-multistep' } })).json()).toMatchObject({
      error: expect.stringMatching(/unknown scenario "tool-multistep"/),
    });
    await page.close();
  } finally {
    await bare.close();
  }
});

test('GET /sse/:scenario feeds a browser EventSource', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const data = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const received: string[] = [];
        const source = new EventSource('/sse/tool-multistep');
        source.onmessage = (event) => {
          received.push(event.data as string);
          if (event.data === '[DONE]') {
            source.close();
            resolve(received);
          }
        };
        source.onerror = () => reject(new Error('EventSource failed'));
      }),
  );
  expect(JSON.parse(data[0])).toEqual({ type: 'start', messageId: 'msg-tools' });
  expect(data.at(-2)).toBe('{"type":"finish","finishReason":"stop"}');
  await page.close();
});
