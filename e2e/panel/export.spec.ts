/**
 * Export closes the loop from browser to test: a captured stream exported as a scenario, served
 * by `streamscope serve --scenarios DIR` (the mock server over that folder), and captured again
 * gives the same events. The `.sse` export is the exact bytes, the report is the decode report,
 * and copy as cURL carries the request with its secrets redacted.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer } from '../../mock-server/index.js';
import { decodeReportSchema } from '../../protocol/index.js';
import { cleanTextReply } from './support/demo-streams.js';
import { expect, panelUrl, test } from './support/fixtures.js';

test('a stream exported as .sse, report and scenario; the scenario served and captured again gives the same events', async ({ extension, panelServer }) => {
  const dir = await mkdtemp(join(tmpdir(), 'streamscope-export-'));
  const page = await extension.context.newPage();
  await page.goto(`${panelServer.base}/chat`);
  const panel = await extension.context.newPage();
  await panel.goto(panelUrl(extension.extensionId, await extension.tabIdOf(page)));
  try {
    await page.evaluate(() =>
      fetch('/api/chat', { method: 'POST', headers: { authorization: 'Bearer s3cret' }, body: JSON.stringify({ stream: 'clean', messages: [] }) }).then((response) => response.text()),
    );
    const row = panel.getByTestId('stream-row');
    await expect(row).toHaveAttribute('data-state', 'finished');
    await row.click();
    const events = async () => panel.getByTestId('event-row').locator('.col-type').allTextContents();
    const original = await events();
    expect(original.length).toBeGreaterThan(5);

    const save = async (what: string, folder = dir) => {
      const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId(`export-${what}`).click()]);
      const path = join(folder, download.suggestedFilename());
      await download.saveAs(path);
      return path;
    };
    expect(await readFile(await save('.sse'), 'utf8')).toBe(cleanTextReply().map((part) => part.text).join(''));
    const report = decodeReportSchema.parse(JSON.parse(await readFile(await save('report'), 'utf8')));
    expect(report.events.map((event) => event.type ?? event.kind)).toEqual(original.map((label) => (label === '[DONE]' ? 'done' : label)));
    const scenarios = join(dir, 'scenarios');
    await mkdir(scenarios);
    const scenario = JSON.parse(await readFile(await save('scenario', scenarios), 'utf8')) as { name: string };

    await panel.evaluate(() => {
      (window as unknown as { copied: string }).copied = '';
      navigator.clipboard.writeText = async (text: string) => void ((window as unknown as { copied: string }).copied = text);
    });
    await panel.getByTestId('export-cURL').click();
    const curl = await panel.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(curl).toMatch(/^curl -N -X POST 'http:\/\/127\.0\.0\.1:\d+\/api\/chat'/);
    expect(curl).toContain('[redacted]');
    expect(curl).not.toContain('s3cret');

    const served = await startMockServer({ port: 0, scenariosDir: scenarios });
    try {
      const replay = await extension.context.newPage();
      await replay.goto(`${served.url}/`);
      const replayPanel = await extension.context.newPage();
      await replayPanel.goto(panelUrl(extension.extensionId, await extension.tabIdOf(replay)));
      await replay.evaluate((name) => fetch(`/api/chat?scenario=${name}`, { method: 'POST', body: JSON.stringify({ messages: [] }) }).then((response) => response.text()), scenario.name);
      const again = replayPanel.getByTestId('stream-row').filter({ hasText: '/api/chat' });
      await expect(again).toHaveAttribute('data-state', 'finished');
      await again.click();
      await expect.poll(async () => replayPanel.getByTestId('event-row').locator('.col-type').allTextContents()).toEqual(original);
      await replay.close();
      await replayPanel.close();
    } finally {
      await served.close();
    }
  } finally {
    await page.close();
    await panel.close();
    await rm(dir, { recursive: true, force: true });
  }
});
