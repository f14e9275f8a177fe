/**
 * The DevTools suite's set-up: the mock server with its demo page (the real AI SDK client), and
 * what a built-in scenario should look like in the panel — its events, decoded from the bytes the
 * scenario script sends, and its declared findings.
 */
import type { Page } from '@playwright/test';
import { decodeStream } from '../../protocol/index.js';
import { builtinScenarios, expandSteps, startMockServer, type MockServer, type Scenario } from '../../mock-server/index.js';
import { ensureDemoBuilt } from '../support/demo-build.js';
import { launchWithDevtools, type DevtoolsBrowser, type Panel, type PanelRow } from '../panel/support/devtools.js';

export type Suite = { server: MockServer; devtools: DevtoolsBrowser; page: Page; panel: Panel; close(): Promise<void> };

/** The mock server with the demo page, and Chromium with DevTools open on a page, panel selected. */
export async function startSuite(): Promise<Suite> {
  ensureDemoBuilt();
  const server = await startMockServer({ port: 0 });
  const devtools = await launchWithDevtools();
  const page = devtools.context.pages()[0] ?? (await devtools.context.newPage());
  const panel = await devtools.openPanel(page);
  return {
    server,
    devtools,
    page,
    panel,
    async close() {
      await devtools.close();
      await server.close();
    },
  };
}

export function builtin(name: string): Scenario {
  const scenario = builtinScenarios.find((candidate) => candidate.name === name);
  if (!scenario) throw new Error(`no built-in scenario "${name}"`);
  return scenario;
}

/** How many SSE events the scenario's script sends until it closes or disconnects (holds released). */
export async function scriptedEvents(scenario: Scenario): Promise<number> {
  const parts: (string | Uint8Array)[] = [];
  for (const action of expandSteps(scenario.steps, { dialect: scenario.dialect, seed: scenario.seed })) {
    if (action.kind === 'send') parts.push(action.bytes);
    else if (action.kind !== 'wait-release') break;
  }
  const bytes = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
  return (await decodeStream(new Uint8Array(bytes))).summary.events;
}

/** The assistant's reply text as the demo page shows it (each text part without its state label). */
export function pageReplyText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=message-assistant] [data-testid=part-text]')].map((part) => part.firstChild?.textContent ?? '').join(''),
  );
}

export const ended = (row: PanelRow) => !['live', 'stuck'].includes(row.state);

/** Waits for exactly one stream in the panel, ended, selects it and returns its row. */
export async function theOnlyStream(panel: Panel, what: string): Promise<PanelRow> {
  const [row] = await panel.waitForRows(`${what}: one ended stream`, (rows) => rows.length === 1 && ended(rows[0]));
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
