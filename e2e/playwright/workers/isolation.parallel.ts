/**
 * Two tests in two parallel workers, each with its own scenarios: a different default scenario
 * (`test.use({ scenario })`) and a scenario object of the same name but its own content
 * (`mock.useScenario`), both streams live at the same moment. Neither sees the other's: each
 * worker's mock server serves only what its own test chose. Run by e2e/playwright/workers.spec.ts,
 * which gives the folder the two tests meet in (STREAMSCOPE_MEETING_DIR).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from 'streamscope/playwright';

test.describe.configure({ mode: 'parallel' });

const meeting = process.env.STREAMSCOPE_MEETING_DIR;

async function send(page: Page): Promise<void> {
  await page.getByTestId('send').click();
}

const sides = [
  { me: 'a', other: 'b', scenario: 'plain-text', text: /^Hello! This reply is streamed/ },
  { me: 'b', other: 'a', scenario: 'tool-multistep', text: 'It is 21°C in Berlin: sunny tomorrow, then rain.' },
];

for (const { me, other, scenario, text } of sides) {
  test.describe(`worker ${me}`, () => {
    test.use({ scenario });

    test(`${me} gets only its own scenarios`, async ({ page, mock, streams }, testInfo) => {
      if (!meeting) throw new Error('STREAMSCOPE_MEETING_DIR is not set: run this through e2e/playwright/workers.spec.ts');
      await mock.route(page);
      await page.goto(mock.url);
      await send(page);
      await expect(streams.at(0)).toHaveMessageText(text);
      await expect(page.getByTestId('chat-status')).toHaveText('ready');

      mock.useScenario({
        name: 'isolation',
        expect: [],
        steps: [
          { step: 'chunk', chunk: { type: 'start', messageId: `msg-${me}` } },
          { step: 'text', text: `Reply from ${me}. ` },
          { step: 'hold', name: 'both-live' },
          { step: 'text', text: `Still ${me}.` },
          { step: 'chunk', chunk: { type: 'finish' } },
          { step: 'done' },
        ],
      });
      await send(page);
      await mock.held('both-live');
      // Both streams live at once, in two workers: each says so, then waits to hear the other.
      writeFileSync(join(meeting, `${me}.json`), JSON.stringify({ workerIndex: testInfo.workerIndex, mock: mock.url }));
      await expect.poll(() => existsSync(join(meeting, `${other}.json`)), { timeout: 30_000 }).toBe(true);
      expect(mock.release('both-live')).toBe(1);

      await expect(streams.at(1)).toHaveFinished();
      await expect(streams.at(1)).toHaveMessageText(`Reply from ${me}. Still ${me}.`);
      await expect(page.getByTestId('message-assistant').last()).toContainText(`Still ${me}.`);
      await expect(page.getByText(`from ${other}`)).toHaveCount(0);
      expect(streams.all()).toHaveLength(2);
    });
  });
}
