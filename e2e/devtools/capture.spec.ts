/**
 * How streams reach the panel in real DevTools: an `EventSource` stream, a stream started before
 * DevTools was opened, a reload with and without "Preserve log", and a stop while a tool runs.
 */
import { expect, test } from '@playwright/test';
import { builtin, ended, findingsOf, scriptedEvents, startSuite, theOnlyStream, type Suite } from './support.js';

let suite: Suite;

test.beforeAll(async () => {
  // Chromium with DevTools starts in half a minute on a loaded 2-core machine: once for the file.
  test.setTimeout(120_000);
  suite = await startSuite();
});

test.afterAll(async () => {
  await suite?.close();
});

test('an EventSource stream, rebuilt from its events', async () => {
  const { server, page, panel } = suite;
  await page.goto(`${server.url}/?scenario=plain-text`);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const source = new EventSource('/sse/tool-multistep');
        source.onmessage = (event) => {
          if (event.data !== '[DONE]') return;
          source.close();
          resolve();
        };
        source.onerror = () => reject(new Error('EventSource failed'));
      }),
  );
  const row = await theOnlyStream(panel, 'the EventSource stream');
  expect(row.path).toContain('/sse/tool-multistep');
  expect(await findingsOf(panel, await scriptedEvents(builtin('tool-multistep')), [])).toEqual([]);
  await panel.show('message');
  await panel.waitForDetail('the rebuilt message', (detail) => detail.messageText === 'It is 21°C in Berlin: sunny tomorrow, then rain.');
});

test('stop while a tool runs: the stream ends with abort and the tool is left without output', async () => {
  const { server, page, panel } = suite;
  await page.goto(`${server.url}/?scenario=long-tool`);
  await expect(page.getByTestId('scenario-select')).toHaveValue('long-tool');
  await page.getByTestId('send').click();
  await expect(page.getByTestId('message-assistant').getByTestId('part-tool')).toContainText('input-available');
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('chat-status')).toHaveText('ready — Stop requested: the server ends the stream.');

  const row = await theOnlyStream(panel, 'the stopped stream');
  expect(row.state).toBe('aborted');
  await panel.show('findings');
  const detail = await panel.waitForDetail('the findings of the stopped stream', (detail) => detail.findings.length > 0);
  expect([...new Set(detail.findings)]).toEqual(['tool-without-output']);
});

test('a reload keeps the streams with "Preserve log" on, and clears them with it off', async () => {
  const { server, page, panel } = suite;
  const send = async () => {
    await page.getByTestId('send').click();
    await expect(page.getByTestId('chat-status')).toHaveText('ready');
  };
  await page.goto(`${server.url}/?scenario=plain-text`);
  await send();
  await theOnlyStream(panel, 'before the reload');
  await panel.setPreserveLog(true);
  await page.reload();
  await send();
  await panel.waitForRows('both streams kept across the reload', (rows) => rows.length === 2 && rows.every(ended));
  await panel.setPreserveLog(false);
  await page.reload();
  await panel.waitForRows('the list cleared by the reload', (rows) => rows.length === 0);
  await send();
  await theOnlyStream(panel, 'after the reload without preserve log');
});

test('a stream started before DevTools was opened shows live, then whole', async () => {
  // DevTools opens a second time in this test: half a minute on a loaded machine.
  test.setTimeout(120_000);
  const { server, devtools } = suite;
  const name = server.addScenario({
    name: 'held-reply',
    expect: ['stall'],
    steps: [
      { step: 'chunk', chunk: { type: 'start', messageId: 'msg-held' } },
      { step: 'text', text: 'Before DevTools. ' },
      { step: 'heartbeat' },
      { step: 'hold', name: 'devtools-opened' },
      { step: 'text', text: 'After DevTools.' },
      { step: 'chunk', chunk: { type: 'finish' } },
      { step: 'done' },
    ],
  });
  const page = await devtools.context.newPage();
  await page.goto(`${server.url}/?scenario=held-reply`);
  await page.getByTestId('send').click();
  await server.held('devtools-opened');
  await expect(page.getByTestId('message-assistant').getByTestId('part-text')).toContainText('Before DevTools.');

  const panel = await devtools.openPanel(page);
  // Held past the panel's stall threshold (5 s) whatever DevTools' start took, so the stall is certain.
  await panel.waitForRows('the stream, live and stuck', (rows) => rows.length === 1 && rows[0].state === 'stuck' && rows[0].events > 0);
  server.release('devtools-opened');
  await theOnlyStream(panel, 'the stream, ended');
  expect(await findingsOf(panel, await scriptedEvents(server.context.registry.get(name)!), ['stall'])).toEqual(['stall']);
  await panel.show('message');
  await panel.waitForDetail('the whole message', (detail) => detail.messageText === 'Before DevTools. After DevTools.');
  await page.close();
});
