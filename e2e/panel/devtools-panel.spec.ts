/**
 * The panel inside real DevTools (opened by streamscope/playwright's launcher, the panel selected)
 * on chat requests a page makes: prompts tell them apart in the list, the Request tab shows what
 * was posted and the protocol's headers, a chat request that failed is listed muted, a page's own stop is "cancelled" without an error, and a
 * new client version re-judges the streams already captured.
 */
import { expect, test, type Page } from '@playwright/test';
import { changeSetting, launchWithDevtools, type DevtoolsBrowser, type Panel } from './support/devtools.js';
import { startPanelServer, type PanelServer } from './support/panel-server.js';

let server: PanelServer;
let devtools: DevtoolsBrowser;
let page: Page;
let panel: Panel;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = await startPanelServer();
  devtools = await launchWithDevtools();
  page = await devtools.context.newPage();
  await page.goto(server.page);
  panel = await devtools.openPanel(page);
});

test.afterAll(async () => {
  await devtools?.close();
  await server?.close();
});

/** Posts a chat as `DefaultChatTransport` does and reads the reply (or fails on an error status, as it does); `abortAfterFirstRead` stops it as useChat's Stop does. */
async function chat(prompt: string, scenario: string, abortAfterFirstRead = false): Promise<void> {
  await page.evaluate(
    async ({ prompt, scenario, abortAfterFirstRead }) => {
      const messages = [
        { id: 'u0', role: 'user', parts: [{ type: 'text', text: 'an earlier question' }] },
        { id: 'a0', role: 'assistant', parts: [{ type: 'text', text: 'an earlier answer' }] },
        { id: 'u1', role: 'user', parts: [{ type: 'text', text: prompt }] },
      ];
      const controller = new AbortController();
      const response = await fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer secret-token-123', 'x-streamscope-scenario': scenario },
        body: JSON.stringify({ id: 'chat-1', messages }),
        signal: controller.signal,
      });
      if (!response.ok) return void (await response.text());
      const reader = response.body!.getReader();
      await reader.read();
      if (abortAfterFirstRead) {
        // as useChat's stop: the abort lands while the client waits for the next bytes
        const pending = reader.read();
        controller.abort();
        return void (await pending.catch(() => undefined));
      }
      while (!(await reader.read()).done);
    },
    { prompt, scenario, abortAfterFirstRead },
  );
}

const filterStreams = (text: string) =>
  panel.evaluate(`(() => {
    const input = document.getElementById('stream-filter');
    input.value = ${JSON.stringify(text)};
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  })()`);

test('chat requests are told apart by their prompt, and the list filters on it', async () => {
  await chat('What is the weather in Berlin?', 'tool');
  await chat('Say hello', 'clean');
  const rows = await panel.waitForRows('two chats, both ended', (rows) => rows.length === 2 && rows.every((row) => row.state !== 'live'));
  expect(rows.map((row) => row.state)).toEqual(['errored', 'finished']);
  const prompts = await panel.evaluate<string[]>(`[...document.querySelectorAll('[data-testid=stream-prompt]')].map((prompt) => prompt.textContent)`);
  expect(prompts).toEqual(['What is the weather in Berlin?', 'Say hello']);
  expect(rows[0].findings).toContain('missing-finish');

  await filterStreams('berlin');
  await panel.waitForRows('only the Berlin chat', (rows) => rows.length === 1 && rows[0].text.includes('Berlin'));
  await filterStreams('');
  await panel.waitForRows('both chats again', (rows) => rows.length === 2);
});

test('the Request tab shows the request, its body as a transcript and tree, and checks the protocol headers', async () => {
  await panel.select('Say hello');
  await panel.show('request');
  const request = await panel.waitFor<{ text: string; headers: string; checks: string[] } | null>(
    `(() => {
      const view = document.querySelector('[data-testid=request]');
      return view && {
        text: view.textContent,
        headers: view.querySelector('[data-testid=request-headers]')?.textContent ?? '',
        checks: [...view.querySelectorAll('[data-testid=protocol-header]')].map((row) => row.textContent),
      };
    })()`,
    'the Request tab',
    (value) => value !== null,
  );
  expect(request!.text).toContain(`${server.base}/api/chat`);
  expect(request!.text).toContain('POST');
  expect(request!.text).toContain('200');
  expect(request!.headers).toContain('content-type');
  expect(request!.headers).toContain('hidden (secret)');
  expect(request!.headers).not.toContain('secret-token-123');
  const transcript = await panel.evaluate<string>(`document.querySelector('[data-testid=transcript]').textContent`);
  expect(transcript).toContain('an earlier answer');
  expect(transcript).toContain('Say hello');
  expect(request!.checks).toHaveLength(5);
  expect(request!.checks.find((check) => check.startsWith('content-type'))).toContain('✓');
  expect(request!.checks.find((check) => check.startsWith('content-encoding'))).toContain('✓');
});

test('a chat request answered with an error instead of a stream is listed, muted, with its status', async () => {
  await chat('This one fails', 'no-such-stream');
  const rows = await panel.waitForRows('the failed chat', (rows) => rows.some((row) => row.text.includes('This one fails')));
  const failed = rows.find((row) => row.text.includes('This one fails'))!;
  expect(failed.state).toBe('failed');
  expect(failed.text).toContain('404');
  expect(await panel.evaluate<boolean>(`[...document.querySelectorAll('[data-testid=stream-row]')].find((row) => row.textContent.includes('This one fails')).classList.contains('muted-row')`)).toBe(true);
});

test("a page's own stop shows the stream as cancelled, with no error", async () => {
  await chat('Stop this one', server.scenario('tool', { hold: 'stop-1' }), true);
  const rows = await panel.waitForRows('the stopped chat, cancelled', (rows) => rows.some((row) => row.text.includes('Stop this one') && row.state === 'cancelled'));
  const stopped = rows.find((row) => row.text.includes('Stop this one'))!;
  expect(stopped.findings).not.toContain('✖');
  server.release('stop-1');
  await panel.select('Stop this one');
  await panel.show('findings');
  const findings = await panel.waitFor<string[]>(
    `[...document.querySelectorAll('[data-testid=finding]')].map((finding) => finding.className + ' ' + finding.textContent)`,
    'the findings of the stopped chat',
    (value) => Array.isArray(value) && value.length > 0,
  );
  expect(findings.filter((finding) => finding.includes('sev-error'))).toEqual([]);
  expect(findings.some((finding) => finding.includes('missing-finish'))).toBe(true);
});

test('a new client version judges the captured streams again', async () => {
  await chat('Unknown reason', 'unknown-reason');
  const worstOf = (rows: { text: string; findings: string }[]) => rows.find((row) => row.text.includes('Unknown reason'))?.findings ?? '';
  const before = await panel.waitForRows('the unknown-reason chat judged for ai 6', (rows) => worstOf(rows).includes('schema-violation'));
  expect(worstOf(before)).toContain('schema-violation');
  await changeSetting(panel, 'setting-client', '5');
  const after = await panel.waitForRows('the same chat judged for ai 5', (rows) => !worstOf(rows).includes('schema-violation') && worstOf(rows) !== '');
  expect(worstOf(after)).toContain('finish-reason-unsupported');
});
