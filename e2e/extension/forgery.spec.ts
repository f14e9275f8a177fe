/**
 * The page is untrusted: a page that forges relay messages (malformed, oversized, or shaped like
 * real ones and reusing another page's stream ids) reaches only its own tab, never another tab's
 * streams, and neither the background nor the panel breaks.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, extensionDir, test } from './fixtures.js';
import { streamBytes } from './streams.js';

const forgedUrl = 'https://forged.invalid/forged-marker';

test('forged relay messages stay in their own tab and break nothing', async ({ extension, server }) => {
  const victim = await extension.context.newPage();
  await victim.goto(`${server.base}/page/victim`);
  const attacker = await extension.context.newPage();
  await attacker.goto(`${server.base}/page/attacker`);
  const [victimTab, attackerTab] = [await extension.tabIdOf(victim), await extension.tabIdOf(attacker)];

  await victim.evaluate(async (base) => (await fetch(`${base}/stream/heartbeats`)).text(), server.base);
  await expect.poll(async () => (await extension.captured(victimTab)).map((stream) => stream.info.end?.outcome)).toEqual(['complete']);

  const reachedExtension = await attacker.evaluate(
    async ({ forgedUrl, extensionId, victimTab }) => {
      const source = 'streamscope:page';
      const meta = {
        transport: 'fetch', url: forgedUrl, method: 'GET', requestHeaders: {}, requestBody: null, status: 200, statusText: 'OK',
        responseHeaders: { 'content-type': 'text/event-stream' }, startedAt: Date.now(), frameUrl: location.href, bytes: 'wire', note: null,
      };
      const one = (message: unknown) => ({ source, messages: [message] });
      const junk: unknown[] = [
        { source },
        { source, messages: [] },
        { source, messages: 'not a list' },
        { source, messages: Array.from({ length: 10_000 }, () => ({ kind: 'stream-end' })) },
        one({ kind: 'stream-start' }),
        one({ kind: 'stream-start', streamId: '1', meta: { ...meta, status: 'two hundred' } }),
        one({ kind: 'stream-start', streamId: 'x'.repeat(10_000), meta }),
        one({ kind: 'stream-start', streamId: '9', meta: { ...meta, url: 'u'.repeat(100_000) } }),
        one({ kind: 'stream-start', streamId: '9', meta: { ...meta, responseHeaders: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`h${i}`, 'v'])) } }),
        one({ kind: 'stream-chunk', streamId: '1', at: 1, bytes: 'not bytes' }),
        one({ kind: 'stream-chunk', streamId: '1', at: -5, bytes: new Uint8Array(3) }),
        one({ kind: 'stream-chunk', streamId: '1', at: 1, bytes: new Uint8Array(1024 * 1024) }),
        one({ kind: 'stream-end', streamId: '1', end: { at: 1, outcome: 'exploded' } }),
        one({ kind: 'ack', upTo: 1e9 }),
        one({ kind: 'stream-chunk', streamId: '404', at: 1, bytes: new Uint8Array(3) }),
        one(null),
        { source, kind: 'stream-start', streamId: '1', meta },
        { source: [source] },
        'streamscope:page',
        null,
      ];
      for (const message of junk) window.postMessage(message, '*');
      // shaped like the real thing, reusing ids a page hook might use
      window.postMessage(
        {
          source,
          messages: [
            { kind: 'stream-start', streamId: '1', meta },
            { kind: 'bogus' },
            { kind: 'stream-chunk', streamId: '1', at: 2, bytes: new TextEncoder().encode('data: forged\n\n') },
            { kind: 'stream-end', streamId: '1', end: { at: 3, outcome: 'complete' } },
          ],
        },
        '*',
      );
      // the MAIN world has no way to the extension's ports
      try {
        const runtime = (globalThis as { chrome?: { runtime?: { connect?: (id: string, info: object) => unknown } } }).chrome?.runtime;
        runtime!.connect!(extensionId, { name: `streamscope:panel:${victimTab}` });
        return true;
      } catch {
        return false;
      }
    },
    { forgedUrl, extensionId: extension.extensionId, victimTab },
  );
  expect(reachedExtension).toBe(false);

  // the background still works for the attacker's tab: a real stream after the forgeries is captured
  await attacker.evaluate(async (base) => (await fetch(`${base}/stream/basic`)).text(), server.base);
  await expect
    .poll(async () => (await extension.captured(attackerTab)).map((stream) => [stream.info.meta.url, stream.bytes.toString(), stream.info.end?.outcome]))
    .toEqual([
      [forgedUrl, 'data: forged\n\n', 'complete'],
      [`${server.base}/stream/basic`, streamBytes('basic').toString(), 'complete'],
    ]);

  const victimStreams = await extension.captured(victimTab);
  expect(victimStreams).toHaveLength(1);
  expect(victimStreams[0].bytes.equals(streamBytes('heartbeats'))).toBe(true);
  expect(victimStreams[0].info.meta.url).toBe(`${server.base}/stream/heartbeats`);

  if (existsSync(resolve(extensionDir, 'extension/panel/panel.html'))) {
    const panel = await extension.context.newPage();
    const errors: Error[] = [];
    panel.on('pageerror', (error) => errors.push(error));
    await panel.goto(`chrome-extension://${extension.extensionId}/extension/panel/panel.html?tabId=${attackerTab}`);
    await expect(panel.locator(`[title*="forged-marker"]`).first()).toBeAttached();
    expect(errors).toEqual([]);
    await panel.close();
  }
  await victim.close();
  await attacker.close();
});

test('a flood of max-size forged stream starts is dropped at the relay with a note, and another tab\'s capture survives it', async ({ extension, server }) => {
  const victim = await extension.context.newPage();
  await victim.goto(`${server.base}/page/flood-victim`);
  const attacker = await extension.context.newPage();
  await attacker.goto(`${server.base}/page/flood-attacker`);
  const [victimTab, attackerTab] = [await extension.tabIdOf(victim), await extension.tabIdOf(attacker)];
  const attackerPanel = await extension.livePanel(attackerTab);
  const reading = victim.evaluate(async (base) => (await fetch(`${base}/stream/slow`)).text(), server.base);

  const starts = 60;
  await attacker.evaluate((starts) => {
    // every field at its cap: 200 headers of 8 KB each way, a 64 KB body
    const headers = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`h${index}`, 'v'.repeat(8 * 1024 - 8)]));
    const meta = {
      transport: 'fetch', url: `https://flood.invalid/${'u'.repeat(8000)}`, method: 'POST', requestHeaders: headers, requestBody: 'b'.repeat(64 * 1024),
      status: 200, statusText: 'OK', responseHeaders: headers, startedAt: Date.now(), frameUrl: location.href, bytes: 'wire', note: null,
    };
    for (let index = 0; index < starts; index++) {
      window.postMessage({ source: 'streamscope:page', messages: [{ kind: 'stream-start', streamId: `flood-${index}`, meta }] }, '*');
    }
  }, starts);

  expect(await reading).toBe(Buffer.from(streamBytes('slow')).toString());
  await expect
    .poll(async () => (await extension.captured(victimTab)).map((stream) => [stream.bytes.equals(streamBytes('slow')), stream.info.end?.outcome]), { timeout: 30_000 })
    .toEqual([[true, 'complete']]);
  await expect
    .poll(async () => (await attackerPanel.messages()).filter((message) => message.kind === 'notice').length, { timeout: 30_000 })
    .toBeGreaterThan(0);
  expect((await extension.captured(attackerTab)).length).toBeLessThan(starts);
  await attackerPanel.close();
  await victim.close();
  await attacker.close();
});
