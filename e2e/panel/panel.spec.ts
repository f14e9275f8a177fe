/**
 * The panel on real captured streams: the capture path (page hook → relay → background) feeds
 * `panel.html?tabId=N`, opened as a pop-out page.
 */
import { expect, panelUrl, startStream, test } from './support/fixtures.js';

test('the panel shows a live stream, then its findings, message and timing', async ({ extension, panelServer }) => {
  const page = await extension.context.newPage();
  await page.goto(panelServer.page);
  const tabId = await extension.tabIdOf(page);
  const panel = await extension.context.newPage();
  // The panel logs no errors and throws nothing while it works.
  const problems: string[] = [];
  panel.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  panel.on('pageerror', (error) => problems.push(error.message));
  await panel.goto(panelUrl(extension.extensionId, tabId));

  await startStream(page, `${panelServer.base}/api/chat`, panelServer.scenario('tool', { hold: 'live-1' }));
  const row = panel.getByTestId('stream-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-state', 'live');
  await expect(row).toContainText('POST');
  await expect(row).toContainText('/api/chat');
  await row.click();
  await expect(panel.getByTestId('event-row').filter({ hasText: 'data-status' })).toHaveCount(1);
  await expect(panel.getByTestId('detail-header')).toContainText('live');

  panelServer.release('live-1');
  await expect(row).toHaveAttribute('data-state', 'errored');

  await panel.getByRole('tab', { name: /Findings/ }).click();
  const findings = panel.getByTestId('finding');
  await expect(findings.first()).toContainText('missing-finish');
  await expect(panel.getByTestId('findings')).toContainText('extra-field');
  await expect(panel.getByTestId('findings')).toContainText('missing-done');
  await expect(row.getByTestId('stream-worst')).toContainText('missing-finish');

  // A finding about one event jumps to that event in the events view.
  await findings.filter({ hasText: 'extra-field' }).click();
  const inspector = panel.getByTestId('event-inspector');
  await expect(inspector).toContainText('tool-output-available');
  await expect(inspector).toContainText('latencyMs');
  await expect(panel.locator('[data-testid=event-row].selected')).toContainText('tool-output-available');

  await panel.keyboard.press('3');
  const message = panel.getByTestId('message');
  await expect(message.getByTestId('part-reasoning')).toContainText('call the weather tool');
  await expect(message.getByTestId('part-tool')).toContainText('weather');
  await expect(message.getByTestId('part-tool')).toContainText('output-available');
  await expect(message.getByTestId('part-text')).toContainText('It is 21 °C and clear in Berlin right now.');
  await expect(message.getByTestId('part-source')).toContainText('Weather service');
  await expect(message.getByTestId('part-data')).toContainText('answered');

  await panel.keyboard.press('4');
  await expect(panel.getByTestId('timing')).toContainText('first chunk');
  // The stream's two heartbeats sit in their own lane, apart from the chunks.
  await expect(panel.getByTestId('timeline-heartbeats').locator('.tl-heartbeat')).not.toHaveCount(0);
  await expect(panel.getByTestId('timeline-chunks').locator('.tl-chunk')).not.toHaveCount(0);
  expect(problems).toEqual([]);
  await page.close();
  await panel.close();
});

test('long streams render only the rows in view; clear empties the list', async ({ extension, panelServer }) => {
  const page = await extension.context.newPage();
  await page.goto(panelServer.page);
  const tabId = await extension.tabIdOf(page);
  const panel = await extension.context.newPage();
  await panel.goto(panelUrl(extension.extensionId, tabId));
  await startStream(page, `${panelServer.base}/api/chat`, 'long');

  const row = panel.getByTestId('stream-row');
  await expect(row).toHaveAttribute('data-state', 'finished');
  await row.click();
  await expect(panel.getByTestId('stream-detail')).toContainText('5005 events');
  const rendered = await panel.getByTestId('event-row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(200);

  // The keyboard reaches the last event, which the list then renders.
  await panel.getByTestId('events-list').focus();
  await panel.keyboard.press('End');
  await expect(panel.getByTestId('event-inspector')).toContainText('Event 5004');
  await expect(panel.locator('[data-testid=event-row].selected')).toContainText('[DONE]');

  await panel.getByRole('button', { name: 'Clear' }).click();
  await expect(panel.getByTestId('stream-row')).toHaveCount(0);
  // The background forgot them too: a panel opened now starts empty.
  await panel.reload();
  await expect(panel.getByTestId('stream-list')).toContainText('No streams yet');
  await page.close();
  await panel.close();
});

test('"preserve log" keeps streams across a navigation; without it they go', async ({ extension, panelServer }) => {
  const page = await extension.context.newPage();
  await page.goto(panelServer.page);
  const tabId = await extension.tabIdOf(page);
  const panel = await extension.context.newPage();
  await panel.goto(panelUrl(extension.extensionId, tabId));
  const rows = panel.getByTestId('stream-row');
  const preserve = panel.getByRole('checkbox', { name: 'Preserve log' });

  await startStream(page, `${panelServer.base}/api/chat?n=1`, 'clean');
  await expect(rows).toHaveCount(1);
  await preserve.check();
  await page.reload();
  await startStream(page, `${panelServer.base}/api/chat?n=2`, 'clean');
  await expect(rows.filter({ hasText: 'n=2' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'n=1' })).toHaveCount(1);

  // The setting lives in the background: a panel opened later shows it on.
  await panel.reload();
  await expect(preserve).toBeChecked();
  await preserve.uncheck();
  await page.reload();
  await startStream(page, `${panelServer.base}/api/chat?n=3`, 'clean');
  await expect(rows.filter({ hasText: 'n=3' })).toHaveCount(1);
  await expect(rows).toHaveCount(1);
  await page.close();
  await panel.close();
});
