/**
 * The browser's downloads, seen from the test: a file the panel saves inside DevTools (an
 * `<a download>` in an extension frame Playwright has no page for) lands in `dir` through CDP's
 * `Browser.setDownloadBehavior`, and `next()` gives the next one once it completed.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';

export type Download = { name: string; path: string };
export type Downloads = {
  /** The next download that completes after this call, saved under its suggested name. */
  next(): Promise<Download>;
};

export async function watchDownloads(context: BrowserContext, dir: string): Promise<Downloads> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser for this context: downloads cannot be watched');
  const session = await browser.newBrowserCDPSession();
  const names = new Map<string, string>();
  let waiting: ((download: Download) => void)[] = [];
  session.on('Browser.downloadWillBegin', (event: { guid: string; suggestedFilename: string }) => names.set(event.guid, event.suggestedFilename));
  session.on('Browser.downloadProgress', (event: { guid: string; state: string }) => {
    if (event.state !== 'completed') return;
    const name = names.get(event.guid) ?? event.guid;
    const path = join(dir, name);
    const waiters = waiting;
    waiting = [];
    // saved under its guid ("allowAndName"): named as the panel suggested, for the CLI to read
    void rename(join(dir, event.guid), path).then(() => waiters.forEach((resolve) => resolve({ name, path })));
  });
  await session.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: dir, eventsEnabled: true });
  return {
    next: () => new Promise((resolve) => waiting.push(resolve)),
  };
}
