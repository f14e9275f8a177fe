/**
 * `streamscope/playwright` in parallel workers: two tests with different scenarios, run at the same
 * time in two workers (a Playwright run of its own, e2e/playwright/workers/, since this suite runs
 * one worker), each see only the scenarios their own test chose.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { ensureDemoBuilt } from '../support/demo-build.js';
import { run } from '../package/packed-project.js';

const root = resolve(import.meta.dirname, '../..');

test('two parallel workers with different scenarios do not see each other\'s', async () => {
  // Two browsers start side by side: half a minute on a loaded 2-core machine.
  test.setTimeout(150_000);
  ensureDemoBuilt();
  const meeting = await mkdtemp(join(tmpdir(), 'streamscope-workers-'));
  try {
    const result = await run(root, process.execPath, [resolve(root, 'node_modules/@playwright/test/cli.js'), 'test', '--config', 'e2e/playwright/workers/playwright.config.ts', '--output', join(meeting, 'results')], 140_000, {
      STREAMSCOPE_MEETING_DIR: meeting,
    });
    expect(result.code, `the parallel run:\n${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain('2 passed');
    const [a, b] = await Promise.all(['a', 'b'].map(async (side) => JSON.parse(await readFile(join(meeting, `${side}.json`), 'utf8')) as { workerIndex: number; mock: string }));
    expect(a.workerIndex).not.toBe(b.workerIndex);
    expect(a.mock).not.toBe(b.mock);
  } finally {
    await rm(meeting, { recursive: true, force: true });
  }
});
