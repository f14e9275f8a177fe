/**
 * The capture budgets in the panel's settings, inside real DevTools: a bad value gets an error
 * naming the field; lowered budgets are stored by the background (a reloaded panel shows them)
 * and apply to the next capture; a stream that streams past its budget shows, while still live,
 * that it was truncated, by which budget and what was kept, and the tab's bytes figure grows.
 */
import { expect, test } from '@playwright/test';
import { limits } from '../../protocol/limits.js';
import type { Panel } from './support/devtools.js';
import { openMockDevtools, type MockDevtools } from './support/mock-devtools.js';

let mock: MockDevtools;
let panel: Panel;

/** 1.5 MB of text in 16 KB deltas, then parked live at a hold until the test releases it. */
const pastBudget = {
  expect: [],
  steps: [
    { step: 'chunk', chunk: { type: 'start' } },
    { step: 'text', text: 'x'.repeat(1024), repeat: 1536, perDelta: 16 * 1024 },
    { step: 'hold', name: 'past-budget-end' },
    { step: 'chunk', chunk: { type: 'finish' } },
    { step: 'done' },
  ],
};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  mock = await openMockDevtools({ 'past-budget': pastBudget });
  panel = mock.panel;
});

test.afterAll(async () => {
  await mock?.close();
});

const budgetField = (field: string) => `document.querySelector('[data-testid=budget-${field}]')`;
const shownExpression = `['streamBytes', 'tabBytes', 'totalBytes'].map((field) => document.querySelector('[data-testid=budget-' + field + ']')?.value ?? null)`;

/** Types the three budgets (in MB) into the settings and applies them. */
async function applyBudgets(values: Record<'streamBytes' | 'tabBytes' | 'totalBytes', string>): Promise<void> {
  await panel.waitFor<boolean>(
    `(() => {
      const values = ${JSON.stringify(values)};
      for (const [field, value] of Object.entries(values)) {
        const input = document.querySelector('[data-testid=budget-' + field + ']');
        if (!input) return false;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      document.querySelector('[data-testid=budgets-apply]').click();
      return true;
    })()`,
    'the budget fields',
  );
}

const shownBudgets = () => panel.evaluate<string[]>(shownExpression);
const waitForBudgets = (what: string, values: string[]) => panel.waitFor<string[]>(shownExpression, what, (shown) => JSON.stringify(shown) === JSON.stringify(values));

const tabUsage = () => panel.evaluate<string | null>(`document.querySelector('[data-testid=tab-usage]')?.textContent ?? null`);

async function openSettings(): Promise<void> {
  await panel.waitFor<boolean>(
    `(() => { if (!document.querySelector('[data-testid=budgets]')) document.querySelector('[data-testid=settings-button]')?.click(); return Boolean(document.querySelector('[data-testid=budget-tabBytes]')); })()`,
    'the budgets in the settings',
  );
}

test('budgets show their defaults, refuse a bad value with a clear error, and are stored by the background', async () => {
  await openSettings();
  expect(await shownBudgets()).toEqual(['64', '128', '512']);
  expect(await tabUsage()).toMatch(/^this tab: .* of 128 MB \(\d+%\)$/);

  await applyBudgets({ streamBytes: 'lots', tabBytes: '128', totalBytes: '512' });
  const problem = await panel.waitFor<string>(`document.querySelector('[data-testid=budgets-problem]')?.textContent ?? ''`, 'the budgets error', Boolean);
  expect(problem).toBe('per stream: "lots" is not a number of MB');
  expect(await panel.evaluate<string>(`${budgetField('streamBytes')}.getAttribute('aria-invalid')`)).toBe('true');
  await applyBudgets({ streamBytes: '200', tabBytes: '128', totalBytes: '512' });
  await panel.waitFor<string>(`document.querySelector('[data-testid=budgets-problem]')?.textContent ?? ''`, 'the budgets order error', (text) => text.includes('cannot exceed per tab'));

  await applyBudgets({ streamBytes: '1', tabBytes: '2', totalBytes: '512' });
  await panel.waitFor<string | null>(`document.querySelector('[data-testid=budgets-problem]')?.textContent ?? null`, 'no budgets error', (text) => text === null);
  await panel.waitFor<string | null>(`document.querySelector('[data-testid=tab-usage]')?.textContent ?? null`, 'the figure against 2 MB', (text) => Boolean(text?.includes('of 2 MB')));
  // a panel opened afresh is told the stored budgets by the background
  await panel.evaluate(`window.beforeReload = true, location.reload(), true`);
  await panel.waitFor<boolean>(`window.beforeReload === undefined && document.readyState === 'complete'`, 'the reloaded panel');
  await openSettings();
  await waitForBudgets('the stored budgets', ['1', '2', '512']);
});

test('a stream past its budget is marked truncated while live, says which budget and what was kept, and the tab figure grows', async () => {
  await openSettings();
  const before = await tabUsage();
  await mock.chat('past-budget', 'Stream past the budget');
  await mock.server.held('past-budget-end');
  const rows = await panel.waitForRows('the stream, live and truncated', (rows) => rows.some((row) => row.text.includes('Stream past the budget') && row.text.includes('truncated')));
  expect(rows.find((row) => row.text.includes('Stream past the budget'))!.state).toBe('live');
  await panel.select('Stream past the budget');
  const note = await panel.waitFor<string>(`document.querySelector('[data-testid=cap-note]')?.textContent ?? ''`, 'the truncation note', Boolean);
  const [, amount, unit] = /^Capture truncated while live: The stream reached its size budget\. Kept the first ([\d.]+) (kB|MB);/.exec(note) ?? [];
  // the 1 MB stream budget, less at most the one captured chunk (of a page's read) that did not fit
  const keptKb = Number(amount) * (unit === 'MB' ? 1024 : 1);
  expect(keptKb).toBeGreaterThan(1024 - limits.chunkBytes / 1024);
  expect(keptKb).toBeLessThanOrEqual(1024);
  // what the tab holds: the kept bytes and the stream's metadata, against the 2 MB tab budget
  const kb = (figure: string | null) => {
    const [, amount, unit] = /^this tab: ([\d.]+) (B|kB|MB) of 2 MB/.exec(figure ?? '') ?? [];
    return Number(amount) * { B: 1 / 1024, kB: 1, MB: 1024 }[unit as 'B' | 'kB' | 'MB'];
  };
  await panel.waitFor<string | null>(`document.querySelector('[data-testid=tab-usage]')?.textContent ?? null`, 'the figure with the kept bytes', (text) => kb(text) >= keptKb);
  expect(kb(before)).toBeLessThan(keptKb);
  mock.server.release('past-budget-end');
  await panel.waitForRows('the stream ended, still truncated', (rows) => rows.some((row) => row.text.includes('Stream past the budget') && row.state !== 'live' && row.text.includes('truncated')));
  const ended = await panel.waitFor<string>(`document.querySelector('[data-testid=cap-note]')?.textContent ?? ''`, 'the note once ended', (text) => text.startsWith('Capture truncated:'));
  expect(ended).toContain('The stream reached its size budget');
  await panel.evaluate(`document.querySelector('[data-testid=budgets-defaults]').click(), true`);
  await waitForBudgets('the defaults again', ['64', '128', '512']);
});
