/**
 * The extension in real DevTools, driven by the demo page (the real AI SDK client) against the
 * mock server: each built-in scenario that ends by itself appears in the panel with its events,
 * exactly its declared findings and the message text the page shows.
 */
import { expect, test } from '@playwright/test';
import { builtin, declaredFindings, findingsOf, pageReplyText, scriptedEvents, startSuite, theOnlyStream, type Suite } from './support.js';

let suite: Suite;

test.beforeAll(async () => {
  // Chromium with DevTools starts in half a minute on a loaded 2-core machine: once for the file.
  test.setTimeout(120_000);
  suite = await startSuite();
});

test.afterAll(async () => {
  await suite?.close();
});

/** Scenarios whose stream ends without the test's help (the stuck ones never do). */
const selfEnding = [
  'plain-text',
  'reasoning',
  'tool-multistep',
  'tool-approval',
  'long-tool',
  'slow-drip',
  'large-payload',
  'abort',
  'disconnect',
  'duplicate-finish',
  'error-mid-stream',
  'malformed-json',
  'unknown-chunk-type',
  'autogpt-turn',
];

for (const name of selfEnding) {
  test(`${name}: its events, its declared findings and the page's text`, async () => {
    const { server, page, panel } = suite;
    const scenario = builtin(name);
    // A navigation clears the panel's list (preserve log is off).
    await page.goto(`${server.url}/?scenario=${name}`);
    await expect(page.getByTestId('scenario-select')).toHaveValue(name);
    await page.getByTestId('send').click();
    await expect(page.getByTestId('chat-status')).not.toHaveText(/submitted|streaming/, { timeout: 30_000 });

    const row = await theOnlyStream(panel, name);
    const declared = declaredFindings(scenario, row.state);
    expect(await findingsOf(panel, await scriptedEvents(scenario), declared)).toEqual(declared);
    const shown = await pageReplyText(page);
    await panel.show('message');
    await panel.waitForDetail(`the message text ${JSON.stringify(shown)}`, (detail) => detail.messageText === shown);
  });
}
