/**
 * The page hook is invisible: the same page code observes the same results with the extension
 * and without it. A last check makes sure the hook was really active while these ran.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { cases } from './transparency-cases.js';
import { replies } from './test-server.js';
import { streamBytes } from './streams.js';

async function openPage(context: import('@playwright/test').BrowserContext, base: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/page/transparency`);
  await page.addScriptTag({ url: `${base}/ai-client.js` });
  return page;
}

test.describe('transparency: same results with and without the extension', () => {
  let withExtension: Page;
  let without: Page;

  test.beforeAll(async ({ extension, plain, server }) => {
    [withExtension, without] = await Promise.all([openPage(extension.context, server.base), openPage(plain, server.base)]);
  });

  test.afterAll(async () => {
    await withExtension.close();
    await without.close();
  });

  for (const { name, run } of cases) {
    test(name, async ({ server }) => {
      const [expected, actual] = await Promise.all([without.evaluate(run, server.base), withExtension.evaluate(run, server.base)]);
      expect(expected).not.toBeUndefined();
      expect(actual).toEqual(expected);
    });
  }

  test('the hook was active: every fetch stream above was captured', async ({ extension }) => {
    const tabId = await extension.tabIdOf(withExtension);
    let streams: Awaited<ReturnType<typeof extension.captured>> = [];
    await expect
      .poll(async () => {
        streams = await extension.captured(tabId);
        return { transports: [...new Set(streams.map((stream) => stream.info.meta.transport))].sort(), aiSdk: streams.some((stream) => stream.info.meta.url.includes('/chat?deltas=30')) };
      })
      .toEqual({ transports: ['eventsource', 'fetch', 'xhr'], aiSdk: true });
    expect(streams.some((stream) => stream.info.meta.url.endsWith('/vercel-header/x'))).toBe(true);
    expect(streams.some((stream) => stream.info.meta.url.includes('type=text%2Fplain'))).toBe(false);
    expect(streams.some((stream) => stream.info.meta.url.endsWith('/json'))).toBe(false);
  });

  test('a fetch called from an init getter: each request keeps its own body in the capture', async ({ extension }) => {
    const tabId = await extension.tabIdOf(withExtension);
    const nested = async () =>
      (await extension.captured(tabId))
        .filter((stream) => stream.info.meta.url.includes('&nested='))
        .map(({ info }) => [new URL(info.meta.url).searchParams.get('nested'), info.meta.requestBody])
        .sort();
    await expect.poll(nested).toEqual([
      ['inner', JSON.stringify({ messages: ['inner', 'inner'] })],
      ['outer', JSON.stringify({ messages: ['outer'] })],
    ]);
  });

  test('a page that replaced every String.prototype method is still captured, byte for byte', async ({ extension }) => {
    const tabId = await extension.tabIdOf(withExtension);
    const patched = async () =>
      (await extension.captured(tabId))
        .filter((stream) => stream.info.meta.url.endsWith('?page=patched-strings'))
        .map(({ info, bytes }) => ({ transport: info.meta.transport, bytes: bytes.toString() }))
        .sort((a, b) => a.transport.localeCompare(b.transport));
    await expect
      .poll(patched)
      .toEqual([
        { transport: 'eventsource', bytes: expect.stringContaining('event: custom\ndata: a\ndata: b\n\nid: 42\ndata: with id\n\n') },
        { transport: 'fetch', bytes: Buffer.from(streamBytes('basic')).toString() },
      ]);
  });

  test('chat requests answered without a stream were captured whole, as non-stream responses', async ({ extension }) => {
    const tabId = await extension.tabIdOf(withExtension);
    const nonStream = async () =>
      (await extension.captured(tabId))
        .filter((stream) => stream.info.meta.response === 'non-stream')
        .map(({ info, bytes }) => ({
          path: new URL(info.meta.url).pathname.replace(/^\/flip\/.*/, '/flip/*'),
          transport: info.meta.transport,
          status: info.meta.status,
          type: info.meta.responseHeaders['content-type'],
          body: bytes.toString(),
          outcome: info.end?.outcome,
          truncated: info.truncated,
        }))
        .sort((a, b) => `${a.path}${a.transport}`.localeCompare(`${b.path}${b.transport}`));
    const reply = (path: string, status: number, kind: keyof typeof replies, transport = 'fetch') => ({ path, transport, status, type: replies[kind].type, body: replies[kind].body, outcome: 'complete', truncated: false });
    await expect
      .poll(nonStream)
      .toEqual([
        reply('/flip/*', 500, 'json'),
        reply('/reply/200', 200, 'json'),
        ...Array.from({ length: 3 }, () => reply('/reply/404', 404, 'html')),
        ...Array.from({ length: 2 }, () => reply('/reply/500', 500, 'json')),
        reply('/reply/500', 500, 'json', 'xhr'),
      ]);
  });
});
