/**
 * A tool approval in the demo chat, captured by the extension: the request that answers it posts
 * the chat ending with the assistant's message, and the panel decodes its response as useChat
 * does, continuing that message, so its first chunk (the tool's output) is no orphan.
 */
import { expect, panelUrl, test } from './support/fixtures.js';
import { ensureDemoBuilt } from '../support/demo-build.js';
import { startMockServer } from '../../mock-server/transports/http-server.js';

test('the panel decodes a response that continues the chat\'s assistant message as the client does', async ({ extension }) => {
  ensureDemoBuilt();
  const server = await startMockServer({ port: 0 });
  try {
    const page = await extension.context.newPage();
    await page.goto(`${server.url}/?scenario=tool-approval`);
    const panel = await extension.context.newPage();
    await panel.goto(panelUrl(extension.extensionId, await extension.tabIdOf(page)));

    await page.getByTestId('send').click();
    await page.getByTestId('approve').click();
    await expect(page.getByTestId('message-assistant').getByTestId('part-text')).toContainText('Deleted notes.txt.');

    const rows = panel.getByTestId('stream-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toHaveAttribute('data-state', 'finished');
    await rows.nth(1).click();
    await panel.getByRole('tab', { name: /Findings/ }).click();
    await expect(panel.getByTestId('findings')).toHaveText('No findings: the AI SDK client accepts this stream.');
    await panel.getByRole('tab', { name: /Message/ }).click();
    await expect(panel.getByTestId('continues')).toContainText('its first 2 parts came with the request');
    const message = panel.getByTestId('message');
    await expect(message.getByTestId('part-tool')).toContainText('output-available');
    await expect(message.getByTestId('part-text')).toContainText('Deleted notes.txt.');
    await page.close();
    await panel.close();
  } finally {
    await server.close();
  }
});
