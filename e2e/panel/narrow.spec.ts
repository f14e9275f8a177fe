/**
 * The split between the stream list and the detail drags to a new width, at the width
 * of DevTools docked to the side (~550 px). Dragging takes real pointer input (the splitter captures
 * the pointer), so this runs in the pop-out page — the same page DevTools hosts — with Playwright's
 * mouse; the rest of the narrow layout is checked inside real DevTools (e2e/devtools/narrow.spec.ts).
 */
import { expect, panelUrl, startStream, test } from './support/fixtures.js';

test('at 550 px the split drags to a new width', async ({ extension, panelServer }) => {
  const page = await extension.context.newPage();
  await page.goto(`${panelServer.base}/chat`);
  const tabId = await extension.tabIdOf(page);
  const panel = await extension.context.newPage();
  await panel.setViewportSize({ width: 550, height: 600 });
  await panel.goto(panelUrl(extension.extensionId, tabId));

  await startStream(page, '/api/chat', { stream: 'clean' });
  const row = panel.getByTestId('stream-row');
  await expect(row).toHaveAttribute('data-state', 'finished');
  await row.click();

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
