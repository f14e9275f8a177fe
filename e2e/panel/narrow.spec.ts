/**
 * The panel docked to the side (DevTools' default ~550 px): the list keeps method, prompt and
 * state, every detail tab stays reachable, a long error stays one line in the header, and the
 * split can be dragged. Opened as the pop-out page at that width (the same page DevTools hosts).
 */
import { expect, panelUrl, test } from './support/fixtures.js';

test('at 550 px every tab is reachable, the header stays one line, and the split drags', async ({ extension, panelServer }) => {
  const page = await extension.context.newPage();
  await page.goto(`${panelServer.base}/chat`);
  const tabId = await extension.tabIdOf(page);
  const panel = await extension.context.newPage();
  await panel.setViewportSize({ width: 550, height: 600 });
  await panel.goto(panelUrl(extension.extensionId, tabId));

  await page.evaluate(() => {
    const messages = [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Narrow question' }] }];
    void fetch('/api/chat', { method: 'POST', body: JSON.stringify({ stream: 'tool', messages }) }).then((response) => response.text());
  });
  const row = panel.getByTestId('stream-row');
  await expect(row).toHaveAttribute('data-state', 'errored');
  await expect(row.getByTestId('stream-prompt')).toBeVisible();
  await expect(row.getByTestId('stream-state')).toBeVisible();
  await expect(row.locator('.col-time')).toBeHidden();

  await row.click();
  const header = panel.getByTestId('detail-header');
  const headerBox = await header.boundingBox();
  expect(headerBox!.height).toBeLessThan(40);

  for (const [name, view] of [['Events', 'events-list'], ['Findings', 'findings'], ['Message', 'message'], ['Timing', 'timing'], ['Request', 'request']] as const) {
    const tab = panel.getByRole('tab', { name: new RegExp(name) });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(panel.getByTestId(view)).toBeVisible();
  }

  // ↑/↓ and Enter from outside any list: the selection moves and Enter opens the detail's tabs.
  await panel.locator('body').click({ position: { x: 500, y: 590 } });
  await panel.keyboard.press('ArrowUp');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await panel.keyboard.press('Enter');
  await expect(panel.locator('.tab.active')).toBeFocused();

  // The split is dragged to a new width and keeps it.
  const list = panel.locator('.stream-list');
  const before = (await list.boundingBox())!.width;
  const splitter = (await panel.getByTestId('splitter').boundingBox())!;
  await panel.mouse.move(splitter.x + 2, splitter.y + 100);
  await panel.mouse.down();
  await panel.mouse.move(splitter.x + 82, splitter.y + 100, { steps: 4 });
  await panel.mouse.up();
  await expect.poll(async () => (await list.boundingBox())!.width).toBeGreaterThan(before + 40);
  await page.close();
  await panel.close();
});
