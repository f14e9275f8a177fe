/**
 * The panel in real DevTools docked to the side at its default width (~550 px, below the panel's
 * 700 px breakpoint): the list keeps method, prompt and state, the header stays one line with a
 * long client error cut (the whole text a click away), every detail tab is reachable and shows its
 * view, ↑/↓ and Enter work from outside the list, and the split drags (real mouse input to DevTools'
 * window: the splitter captures the pointer).
 */
import { panelViews } from '../../playwright/panel-view.js';
import { ended, expect, test } from './support.js';

const reason = `The client gave up on this chat: ${'the reason goes on and on, '.repeat(12)}end.`;

test('docked at ~550 px: the list narrows, the header stays one line, every tab is reachable, the split drags', async ({ suite: { server, page, panel } }) => {
  const { width } = await panel.layout();
  expect(width, 'DevTools docked to the side at its default width').toBeGreaterThan(450);
  expect(width).toBeLessThan(700);

  await page.goto(`${server.url}/?scenario=plain-text`);
  await page.getByTestId('send').click();
  await panel.waitForRows('the first chat', (rows) => rows.length === 1 && ended(rows[0]));
  // A chat the page stops with a long reason after the first bytes: a client error as long as they come.
  await page.evaluate(async (reason) => {
    const controller = new AbortController();
    const response = await fetch('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-streamscope-scenario': 'stop-completes' },
      body: JSON.stringify({ messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Narrow question' }] }] }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    const pending = reader.read();
    controller.abort(new Error(reason));
    await pending.catch(() => undefined);
  }, reason);
  const rows = await panel.waitForRows('the stopped chat below the first', (rows) => rows.length === 2 && rows.every(ended));
  expect(rows[1].state).toBe('cancelled');
  expect(rows[1].text).toContain('Narrow question');
  await panel.select('Narrow question');

  const narrow = await panel.layout();
  const columns = (name: string) => narrow.listColumns.some((column) => column.split(' ').includes(name));
  expect(['col-method', 'col-path', 'col-state'].filter(columns)).toEqual(['col-method', 'col-path', 'col-state']);
  expect(['col-time', 'col-status', 'col-duration', 'col-events', 'col-findings'].filter(columns)).toEqual([]);
  expect(narrow.headerHeight, 'the header is one line').toBeLessThan(40);
  expect(narrow.headerCut, 'the long error is cut').toBe(true);
  await panel.evaluate(`document.querySelector('[data-testid=detail-error]').click(), true`);
  await panel.waitFor<string | null>(`document.querySelector('[data-testid=detail-more]')?.textContent ?? null`, 'the whole error below the header', (text) => text?.includes(reason) === true);

  const tabs = await panel.tabs();
  expect(tabs.map((tab) => tab.view)).toEqual([...panelViews]);
  expect(tabs.filter((tab) => !tab.reachable)).toEqual([]);
  for (const view of panelViews) {
    await panel.show(view);
    expect((await panel.layout()).viewVisible, `the ${view} view in sight`).toBe(true);
  }

  // ↑/↓ and Enter from outside the list: the selection moves up and Enter opens the detail's tabs.
  const press = (key: string) => panel.evaluate(`document.dispatchEvent(new KeyboardEvent('keydown', { key: '${key}', bubbles: true })), true`);
  const selected = `[...document.querySelectorAll('[data-testid=stream-row]')].map((row) => row.getAttribute('aria-selected') === 'true')`;
  await press('ArrowUp');
  await panel.waitFor<boolean[]>(selected, 'the first chat selected by ↑', (rows) => JSON.stringify(rows) === '[true,false]');
  await press('Enter');
  await panel.waitFor<boolean>(`document.activeElement?.classList.contains('tab') && document.activeElement.classList.contains('active')`, 'the active tab focused by Enter');

  const before = (await panel.layout()).listWidth;
  await panel.dragSplit(80);
  await panel.waitFor<number>(`document.querySelector('.stream-list').getBoundingClientRect().width`, `the list wider than ${before} px by the drag`, (width) => width > before + 40);
  // Back where it was: the next test of the suite finds the panel as this one did.
  await panel.dragSplit(-80);
  await panel.waitFor<number>(`document.querySelector('.stream-list').getBoundingClientRect().width`, `the list back to about ${before} px`, (width) => Math.abs(width - before) < 20);
});
