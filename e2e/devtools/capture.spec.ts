/**
 * How streams reach the panel in real DevTools: an `EventSource` stream, a stream started before
 * DevTools was opened, a reload with and without "Preserve log", and a stop while a tool runs.
 * Where a test needs a stream to wait for it, the scenario holds (`{ step: 'hold' }`) until the
 * test releases or stops it: nothing depends on how fast the machine is.
 */
import type { Step } from '../../mock-server/index.js';
import { ended, expect, findingsOf, scriptedEvents, test, theOnlyStream } from './support.js';

test('an EventSource stream, rebuilt from its events', async ({ suite: { server, page, panel } }) => {
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
  expect(row.tag).toBe('EventSource');
  expect(await findingsOf(panel, await scriptedEvents(server.context.registry.get('tool-multistep')!), [])).toEqual([]);
  await panel.show('message');
  await panel.waitForDetail('the rebuilt message', (detail) => detail.messageText === 'It is 21°C in Berlin: sunny tomorrow, then rain.');
});

test('stop while a tool runs: the stream ends with abort and the tool is left without output', async ({ suite: { server, page, panel } }) => {
  const running: Step[] = [
    { step: 'chunk', chunk: { type: 'start', messageId: 'msg-tool-stopped' } },
    { step: 'chunk', chunk: { type: 'start-step' } },
    { step: 'tool', toolName: 'crawl_site', toolCallId: 'call-crawl', input: { url: 'https://example.com' }, noOutput: true },
    { step: 'heartbeat' },
  ];
  const onStop: Step[] = [{ step: 'chunk', chunk: { type: 'abort', reason: 'user stop' } }, { step: 'done' }];
  server.addScenario({
    name: 'tool-until-stopped',
    description: 'A tool call that runs until the test stops it (it would return afterwards).',
    expect: [],
    steps: [
      ...running,
      { step: 'hold', name: 'tool-running' },
      { step: 'chunk', chunk: { type: 'tool-output-available', toolCallId: 'call-crawl', output: { pages: 12 } } },
      { step: 'chunk', chunk: { type: 'finish-step' } },
      { step: 'chunk', chunk: { type: 'finish' } },
      { step: 'done' },
    ],
    onStop,
  });
  await page.goto(`${server.url}/?scenario=tool-until-stopped`);
  await expect(page.getByTestId('scenario-select')).toHaveValue('tool-until-stopped');
  await page.getByTestId('send').click();
  await server.held('tool-running');
  await expect(page.getByTestId('message-assistant').getByTestId('part-tool')).toContainText('input-available');
  await page.getByTestId('stop').click();

  const row = await theOnlyStream(panel, 'the stopped stream');
  expect(row.state).toBe('aborted');
  const stopped = server.context.registry.get('tool-until-stopped')!;
  expect(await findingsOf(panel, await scriptedEvents(stopped, [...running, ...onStop]), ['tool-without-output'])).toEqual(['tool-without-output']);
  await expect(page.getByTestId('chat-status')).toHaveText('ready — Stop requested: the server ends the stream.');
});

test('a reload keeps the streams with "Preserve log" on, and clears them with it off', async ({ suite: { server, page, panel } }) => {
  const sendAndSee = async (what: string, count: number) => {
    await page.getByTestId('send').click();
    await panel.waitForRows(what, (rows) => rows.length === count && rows.every(ended));
  };
  await page.goto(`${server.url}/?scenario=plain-text`);
  await sendAndSee('the stream before the reload', 1);
  await panel.setPreserveLog(true);
  await page.reload();
  await sendAndSee('both streams, kept across the reload', 2);
  await panel.setPreserveLog(false);
  await page.reload();
  await panel.waitForRows('the list cleared by the reload', (rows) => rows.length === 0);
  await sendAndSee('only the stream after the reload without preserve log', 1);
});

test('a stream started before DevTools was opened shows live, then whole', async ({ suite: { server, devtools } }) => {
  server.addScenario({
    name: 'held-reply',
    description: 'A reply that waits, heartbeat sent, until the test releases it.',
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
  try {
    await page.goto(`${server.url}/?scenario=held-reply`);
    await page.getByTestId('send').click();
    await server.held('devtools-opened');
    await expect(page.getByTestId('message-assistant').getByTestId('part-text')).toContainText('Before DevTools.');

    const panel = await devtools.openPanel(page);
    await theOnlyStream(panel, 'the stream, live', (row) => !ended(row) && row.events > 0);
    // Held until the panel judges it stalled (its threshold, 5 s, after the last data), however
    // long DevTools took to open: the finding is then certain, whatever the machine's speed.
    await panel.show('findings');
    await panel.waitForDetail('the live stream judged stalled', (detail) => detail.findings.includes('stall'));
    expect(server.release('devtools-opened')).toBe(1);
    await theOnlyStream(panel, 'the stream, ended');
    expect(await findingsOf(panel, await scriptedEvents(server.context.registry.get('held-reply')!), ['stall'])).toEqual(['stall']);
    await panel.show('message');
    await panel.waitForDetail('the whole message', (detail) => detail.messageText === 'Before DevTools. After DevTools.');
  } finally {
    await page.close();
  }
});
