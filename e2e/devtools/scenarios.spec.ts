/**
 * The extension in real DevTools, driven by the demo page (the real AI SDK client) against the
 * mock server: each built-in scenario appears in the panel with its events, exactly its declared
 * findings and the message text the page shows — those that end by themselves, and the stuck ones
 * ended the way a user would, with the page's Stop (the server is asked to stop) or Abort (the
 * client stops reading, as useChat's stop does).
 */
import type { Page } from '@playwright/test';
import type { Panel } from '../panel/support/devtools.js';
import { builtin, declaredFindings, ended, expect, findingsOf, pageReplyText, scriptedEvents, scriptedLabels, test, theOnlyStream } from './support.js';
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
  test(`${name}: its events, its declared findings and the page's text`, async ({ suite: { server, page, panel } }) => {
    const scenario = builtin(name);
    // A navigation clears the panel's list (preserve log is off).
    await page.goto(`${server.url}/?scenario=${name}`);
    await expect(page.getByTestId('scenario-select')).toHaveValue(name);
    await page.getByTestId('send').click();
    await expect(page.getByTestId('chat-status')).not.toHaveText(/submitted|streaming/, { timeout: 30_000 });

    const row = await theOnlyStream(panel, name);
    const declared = declaredFindings(scenario, row.state);
    expect(await findingsOf(panel, await scriptedEvents(scenario), declared)).toEqual(declared);
    await sameTextAsPage(panel, page);
  });
}

async function sameTextAsPage(panel: Panel, page: Page): Promise<void> {
  const shown = await pageReplyText(page);
  await panel.show('message');
  await panel.waitForDetail(`the message text ${JSON.stringify(shown)}`, (detail) => detail.messageText === shown);
}

/** Every event row of the selected stream, once all of them are listed (`count`, the Events tab's). */
async function eventLabels(panel: Panel): Promise<string[]> {
  await panel.show('events');
  const { events } = await panel.waitForDetail('the event count', (detail) => detail.events !== null);
  const rows = await panel.waitForEvents(`all ${events} event rows in sight`, (rows) => rows.length === events && rows.every((row, position) => row.index === position));
  return rows.map((row) => row.label);
}

/** How many of `shown` repeat `scripted` from its start. */
const scriptedPrefix = (shown: readonly string[], scripted: readonly string[]) => {
  const differs = shown.findIndex((label, position) => label !== scripted[position]);
  return Math.min(differs < 0 ? shown.length : differs, scripted.length);
};

/**
 * Scenarios that never end by themselves, and how the page ends them: `stop` presses Stop (the
 * server plays the scenario's `onStop`) once the reply shows `shownFirst`; `abort` presses Abort
 * once the panel judges the live stream stalled (its 5 s threshold after the last data), so the
 * stall is certain however slow the machine. `after` is what follows the scripted events up to
 * where they were cut: heartbeats, or the `onStop` events.
 */
const stuck = [
  { name: 'stuck-session', stop: false, abort: true, after: 'heartbeats' },
  { name: 'stall-silent', stop: false, abort: true, after: 'nothing' },
  { name: 'stop-ignored', stop: true, abort: true, after: 'heartbeats' },
  { name: 'stop-completes', stop: true, abort: false, after: 'abort' },
] as const;

for (const { name, stop, abort, after } of stuck) {
  test(`${name}: its events, its declared findings and the page's text, after the page's ${[stop && 'Stop', abort && 'Abort'].filter(Boolean).join(' and ')}`, async ({ suite: { server, page, panel } }) => {
    const scenario = builtin(name);
    await page.goto(`${server.url}/?scenario=${name}`);
    await expect(page.getByTestId('scenario-select')).toHaveValue(name);
    await page.getByTestId('send').click();
    // Some text first: a stop before any would cut the script before its first delta.
    await expect.poll(() => pageReplyText(page)).not.toBe('');
    if (stop) {
      await page.getByTestId('stop').click();
      await expect(page.getByTestId('chat-status')).toContainText('Stop requested');
    }
    if (abort) {
      await theOnlyStream(panel, `${name}, live`, (row) => !ended(row));
      await panel.show('findings');
      await panel.waitForDetail(`${name} judged stalled while live`, (detail) => detail.findings.includes('stall'));
      await page.getByTestId('abort').click();
    }
    const { state } = await theOnlyStream(panel, `${name}, ended`);
    expect(state).toBe(abort ? 'cancelled' : 'aborted');

    // The script up to its stall (or all of it), cut where the page stopped it.
    const scripted = await scriptedLabels(scenario, scenario.steps.filter((step) => step.step !== 'stall'));
    const shown = await eventLabels(panel);
    const cut = scriptedPrefix(shown, scripted);
    expect(cut, `the scripted events ${JSON.stringify(scripted)} begin what the panel shows: ${JSON.stringify(shown)}`).toBeGreaterThanOrEqual(4);
    if (!stop) expect(cut).toBe(scripted.length);
    const rest = shown.slice(cut);
    if (after === 'nothing') expect(rest).toEqual([]);
    if (after === 'heartbeats') expect(rest.length > 0 && rest.every((label) => label === 'comment'), `only heartbeats after the script: ${JSON.stringify(rest)}`).toBe(true);
    if (after === 'abort') expect(rest).toEqual(await scriptedLabels(scenario, scenario.onStop ?? []));

    const declared = declaredFindings(scenario, state);
    expect(await findingsOf(panel, shown.length, declared)).toEqual(declared);
    await sameTextAsPage(panel, page);
  });
}
