/**
 * The README screenshot: the panel as a pop-out (`panel.html?tabId=N`) on three captured streams
 * (one clean, one with findings, one still live), the one with findings selected on its flagged
 * event. It checks the layout it shoots; it writes docs/panel.png only with
 * STREAMSCOPE_UPDATE_DOCS=1 (`npm run docs:screenshot`), else into the test's output folder.
 */
import { fileURLToPath } from 'node:url';
import { expect, panelUrl, startStream, test } from './support/fixtures.js';

const docsImage = fileURLToPath(new URL('../../docs/panel.png', import.meta.url));

test('README screenshot of the panel', async ({ extension, panelServer }, testInfo) => {
  const theme = process.env.STREAMSCOPE_SCREENSHOT_THEME === 'dark' ? 'dark' : 'light';
  const page = await extension.context.newPage();
  await page.goto(panelServer.page);
  const tabId = await extension.tabIdOf(page);
  const panel = await extension.context.newPage();
  await panel.setViewportSize({ width: 1280, height: 720 });
  await panel.goto(panelUrl(extension.extensionId, tabId, theme));

  const rows = panel.getByTestId('stream-row');
  await startStream(page, `${panelServer.base}/api/chat`, 'clean');
  await expect(rows.nth(0)).toHaveAttribute('data-state', 'finished');
  await startStream(page, `${panelServer.base}/api/chat`, panelServer.scenario('tool', { hold: 'shot' }));
  await expect(rows.nth(1)).toHaveAttribute('data-state', 'live');
  panelServer.release('shot');
  await expect(rows.nth(1)).toHaveAttribute('data-state', 'errored');
  await startStream(page, `${panelServer.base}/api/chat`, panelServer.scenario('tool', { hold: 'shot-live' }));
  await expect(rows.nth(2)).toHaveAttribute('data-state', 'live');

  await rows.nth(1).click();
  await panel.getByRole('tab', { name: /Findings/ }).click();
  await panel.getByTestId('finding').filter({ hasText: 'extra-field' }).click();
  await expect(panel.getByTestId('event-inspector')).toContainText('latencyMs');
  await panel.getByTestId('events-list').focus();
  await panel.mouse.move(1, 719);

  const path = process.env.STREAMSCOPE_UPDATE_DOCS === '1' ? docsImage : testInfo.outputPath('panel.png');
  await panel.screenshot({ path, animations: 'disabled', caret: 'hide' });
  panelServer.release('shot-live');
  await page.close();
  await panel.close();
});
