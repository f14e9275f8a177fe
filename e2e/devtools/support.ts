/**
 * The DevTools suite's set-up: the mock server with its demo page (the real AI SDK client) and
 * Chromium with DevTools open on a page, shared by the suite's files (`test` below); and what a
 * scenario should look like in the panel — its events, decoded from the bytes its script sends,
 * and its declared findings.
 */
import { test as base, type Page } from '@playwright/test';
import { decodeStream, type EventRecord } from '../../protocol/index.js';
import { builtinScenarios, expandSteps, startMockServer, type MockServer, type Scenario, type Step } from '../../mock-server/index.js';
import { eventLabel } from '../../extension/panel/view-model/event-row.js';
import { ensureDemoBuilt } from '../support/demo-build.js';
import { launchWithDevtools, type DevtoolsBrowser, type Panel, type PanelRow } from '../panel/support/devtools.js';

export { expect } from '@playwright/test';

export type Suite = { server: MockServer; devtools: DevtoolsBrowser; page: Page; panel: Panel };

/**
 * `suite`: the mock server with the demo page, and Chromium with DevTools open on a page, panel
 * selected — once per worker, so every file of the suite shares it (opening DevTools takes 15 s,
 * twice that on a loaded 2-core machine). A test leaves the page's DevTools as it found it; a
 * navigation clears the panel's list (preserve log is off).
 */
export const test = base.extend<object, { suite: Suite }>({
  suite: [
    async ({}, use) => {
      ensureDemoBuilt();
      const server = await startMockServer({ port: 0 });
      const devtools = await launchWithDevtools();
      try {
        const page = devtools.context.pages()[0] ?? (await devtools.context.newPage());
        await use({ server, devtools, page, panel: await devtools.openPanel(page) });
      } finally {
        await devtools.close();
        await server.close();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

export function builtin(name: string): Scenario {
  const scenario = builtinScenarios.find((candidate) => candidate.name === name);
  if (!scenario) throw new Error(`no built-in scenario "${name}"`);
  return scenario;
}

/** The events the steps' script sends until it closes, disconnects or stalls (holds released). */
async function scriptedRecords(scenario: Scenario, steps: readonly Step[]): Promise<EventRecord[]> {
  const parts: (string | Uint8Array)[] = [];
  for (const action of expandSteps(steps, { dialect: scenario.dialect, seed: scenario.seed })) {
    if (action.kind === 'send') parts.push(action.bytes);
    else if (action.kind !== 'wait-release') break;
  }
  const bytes = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
  return (await decodeStream(new Uint8Array(bytes))).events;
}

/** How many SSE events the scenario's script sends until it closes or disconnects (holds released). */
export async function scriptedEvents(scenario: Scenario, steps: readonly Step[] = scenario.steps): Promise<number> {
  return (await scriptedRecords(scenario, steps)).length;
}

/** The Events view's labels of what the steps send before they stall (or end). */
export async function scriptedLabels(scenario: Scenario, steps: readonly Step[] = scenario.steps): Promise<string[]> {
  return (await scriptedRecords(scenario, steps)).map(eventLabel);
}

/** The assistant's reply text as the demo page shows it (each text part without its state label). */
export function pageReplyText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=message-assistant] [data-testid=part-text]')].map((part) => part.firstChild?.textContent ?? '').join(''),
  );
}

/** Ended, and judged by the panel's decoder: its state is the verdict (until then the row still reads "live"). */
export const ended = (row: PanelRow) => row.settled && !['live', 'stuck'].includes(row.state);

/** Waits for exactly one stream in the panel that satisfies `accept` (default: ended), selects it and returns its row. */
export async function theOnlyStream(panel: Panel, what: string, accept: (row: PanelRow) => boolean = ended): Promise<PanelRow> {
  const [row] = await panel.waitForRows(`${what}: one stream`, (rows) => rows.length === 1 && accept(rows[0]));
  await panel.select(row.path);
  return row;
}

/**
 * The findings a built-in declares, as the panel can judge them for a stream that ended in `state`.
 * A client that rejects a chunk stops reading: when that stop beats the server's last bytes the
 * stream is `cancelled`, and a missing `[DONE]` cannot be told from one never read.
 */
export function declaredFindings(scenario: Scenario, state: string): string[] {
  const codes = [...new Set(scenario.expect)];
  return (state === 'cancelled' ? codes.filter((code) => code !== 'missing-done') : codes).sort();
}

/**
 * Findings judged from arrival times: on a loaded machine the browser itself can read a paced
 * stream late and in bursts, so where a scenario does not declare them they say more about the
 * test machine than about the script, and are left out of the comparison.
 */
const timingCodes = new Set(['stall', 'buffered-delivery']);

/** The selected stream's finding codes (as a sorted set) once its events reach `events`. */
export async function findingsOf(panel: Panel, events: number, codes: readonly string[]): Promise<string[]> {
  await panel.show('findings');
  const wanted = [...new Set(codes)].sort();
  const judged = (found: readonly string[]) => [...new Set(found)].filter((code) => wanted.includes(code) || !timingCodes.has(code)).sort();
  const detail = await panel.waitForDetail(`${events} events and the findings ${wanted.join(', ') || 'none'}`, (detail) =>
    detail.events === events && JSON.stringify(judged(detail.findings)) === JSON.stringify(wanted),
  ).catch(async (error: Error) => {
    throw new Error(`${error.message}\nrows: ${JSON.stringify(await panel.rows())}`);
  });
  return judged(detail.findings);
}
