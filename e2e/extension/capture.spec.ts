/**
 * Capture completeness: what the background holds (and hands a panel) is byte for byte what the
 * server sent, with its request and response details, for every transport; a panel opened
 * mid-stream gets it whole then live; a worker stopped mid-stream loses nothing; navigation and
 * tab closing clear as they should.
 */
import type { Page } from '@playwright/test';
import { bytesFromMessages, expect, test, type CapturedStream, type ExtensionBrowser } from './fixtures.js';
import { streamBytes } from './streams.js';
import { headerProblems } from '../../protocol/response-headers.js';

async function openTab(extension: ExtensionBrowser, base: string, name: string): Promise<{ page: Page; tabId: number }> {
  const page = await extension.context.newPage();
  await page.goto(`${base}/page/${name}`);
  return { page, tabId: await extension.tabIdOf(page) };
}

/** Reads a fetch body to the end with a reader, as a streaming client does. */
function readFetch(page: Page, url: string, init?: RequestInit): Promise<number> {
  return page.evaluate(
    async ({ url, init }) => {
      const reader = (await fetch(url, init)).body!.getReader();
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return size;
        size += value.byteLength;
      }
    },
    { url, init },
  );
}

async function onlyStream(extension: ExtensionBrowser, tabId: number) {
  let streams: Awaited<ReturnType<ExtensionBrowser['captured']>> = [];
  await expect.poll(async () => (streams = await extension.captured(tabId)).map((stream) => stream.info.end?.outcome ?? 'open')).toEqual(['complete']);
  return streams[0];
}

for (const name of ['split-utf8', 'heartbeats', 'many']) {
  test(`fetch capture of "${name}" equals the server's bytes`, async ({ extension, server }) => {
    const { page, tabId } = await openTab(extension, server.base, `capture-${name}`);
    const expected = streamBytes(name);
    expect(await readFetch(page, `${server.base}/stream/${name}`)).toBe(expected.length);
    const stream = await onlyStream(extension, tabId);
    expect(stream.bytes.equals(expected)).toBe(true);
    const ats = stream.chunks.map((chunk) => chunk.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    expect(stream.info.meta).toMatchObject({ transport: 'fetch', method: 'GET', status: 200, bytes: 'wire', frameUrl: page.url() });
    expect(stream.info.meta.responseHeaders['content-type']).toBe('text/event-stream');
    await page.close();
  });
}

test('request method, headers and body are recorded', async ({ extension, server }) => {
  const { page, tabId } = await openTab(extension, server.base, 'capture-request');
  const body = JSON.stringify({ messages: [{ role: 'user' }] });
  await readFetch(page, `${server.base}/chat?deltas=2`, { method: 'post', headers: { 'content-type': 'application/json', 'x-trace': 'abc' }, body });
  const stream = await onlyStream(extension, tabId);
  expect(stream.info.meta).toMatchObject({ method: 'POST', requestBody: body, requestHeaders: { 'content-type': 'application/json', 'x-trace': 'abc' } });
  expect(stream.info.meta.responseHeaders['x-vercel-ai-ui-message-stream']).toBe('v1');
  await page.close();
});

test('page cancel and abort end the capture and close the connection', async ({ extension, server }) => {
  const { page, tabId } = await openTab(extension, server.base, 'capture-cancel');
  const cancelled = server.closedEarly('cancel');
  const aborted = server.closedEarly('abort');
  await page.evaluate(async (base) => {
    const reader = (await fetch(`${base}/hang?id=cancel`)).body!.getReader();
    await reader.read();
    await reader.cancel();
    const controller = new AbortController();
    const other = (await fetch(`${base}/hang?id=abort`, { signal: controller.signal })).body!.getReader();
    await other.read();
    controller.abort();
    await other.read().catch(() => undefined);
  }, server.base);
  await Promise.all([cancelled, aborted]);
  await expect
    .poll(async () => (await extension.captured(tabId)).map((stream) => [stream.bytes.toString(), stream.info.end?.outcome]))
    .toEqual([
      ['data: first\n\n', 'cancelled'],
      ['data: first\n\n', 'cancelled'],
    ]);
  await page.close();
});

test('a response the page never reads is not read by the capture', async ({ extension, server }) => {
  const { page, tabId } = await openTab(extension, server.base, 'capture-unread');
  const closed = server.closedEarly('unread');
  await page.evaluate(async (base) => {
    const controller = new AbortController();
    const response = await fetch(`${base}/hang?id=unread`, { signal: controller.signal });
    (globalThis as Record<string, unknown>).kept = response;
    controller.abort();
  }, server.base);
  await closed;
  await expect.poll(async () => (await extension.captured(tabId)).map((stream) => stream.bytes.length)).toEqual([0]);
  await page.close();
});

test('EventSource: SSE text rebuilt from its events, marked as such', async ({ extension, server }) => {
  const { page, tabId } = await openTab(extension, server.base, 'capture-es');
  await page.evaluate(async (base) => {
    const source = new EventSource(`${base}/es`);
    source.addEventListener('custom', () => undefined);
    await new Promise<void>((resolve) => source.addEventListener('custom', (event) => (event as MessageEvent).data === 'last' && resolve()));
    source.close();
  }, server.base);
  await expect.poll(async () => (await extension.captured(tabId))[0]?.info.end?.outcome).toBe('cancelled');
  const [stream] = await extension.captured(tabId);
  expect(stream.bytes.toString()).toBe('data: plain\n\nevent: custom\ndata: a\ndata: b\n\nid: 42\ndata: with id\n\nevent: custom\nid: 43\ndata: last\n\n');
  expect(stream.info.meta).toMatchObject({ transport: 'eventsource', bytes: 'events' });
  expect(stream.info.meta.note).toContain('rebuilt from EventSource events');
});

test('XMLHttpRequest: bytes from responseText as it grows', async ({ extension, server }) => {
  const { page, tabId } = await openTab(extension, server.base, 'capture-xhr');
  await page.evaluate(
    (base) =>
      new Promise<void>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${base}/stream/split-utf8`);
        xhr.setRequestHeader('x-one', '1');
        xhr.onloadend = () => resolve();
        xhr.send('hello');
      }),
    server.base,
  );
  const stream = await onlyStream(extension, tabId);
  expect(stream.bytes.equals(streamBytes('split-utf8'))).toBe(true);
  expect(stream.info.meta).toMatchObject({ transport: 'xhr', method: 'POST', bytes: 'text', requestBody: 'hello', requestHeaders: { 'x-one': '1' } });
  await page.close();
});

test('streams in iframes are captured with their frame', async ({ extension, server }) => {
  const { page, tabId } = await openTab(extension, server.base, 'capture-frames');
  await page.evaluate(async (base) => {
    const frame = document.createElement('iframe');
    frame.src = `${base}/page/inner`;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve));
    await (await frame.contentWindow!.fetch(`${base}/stream/basic`)).text();
  }, server.base);
  const stream = await onlyStream(extension, tabId);
  expect(stream.info.frameId).not.toBe(0);
  expect(stream.info.meta.frameUrl).toBe(`${server.base}/page/inner`);
  await page.close();
});

test('a panel opened mid-stream gets the whole stream, then live data', async ({ extension, server }) => {
  const { page, tabId } = await openTab(extension, server.base, 'capture-midstream');
  const reading = readFetch(page, `${server.base}/stream/slow`);
  await expect.poll(async () => (await extension.captured(tabId))[0]?.bytes.length ?? 0).toBeGreaterThan(0);
  const panel = await extension.livePanel(tabId);
  await reading;
  let streams = new Map<string, { bytes: Buffer; info: { end: unknown } }>();
  await expect.poll(async () => [...(streams = bytesFromMessages(await panel.messages())).values()].map((stream) => stream.info.end !== null)).toEqual([true]);
  expect([...streams.values()][0].bytes.equals(streamBytes('slow'))).toBe(true);
  await panel.close();
  await page.close();
});

test('the service worker stopped mid-stream: the stream is still complete', async ({ extension, server }) => {
  const { page, tabId } = await openTab(extension, server.base, 'capture-sw-stop');
  const panel = await extension.livePanel(tabId);
  const reading = readFetch(page, `${server.base}/stream/slow`);
  await expect.poll(async () => (await extension.captured(tabId))[0]?.bytes.length ?? 0).toBeGreaterThan(500);
  const { restarted } = await extension.stopServiceWorker();
  expect(await reading).toBe(streamBytes('slow').length);
  await restarted;
  const stream = await onlyStream(extension, tabId);
  expect(stream.bytes.equals(streamBytes('slow'))).toBe(true);
  // the live panel reconnected to the new worker and has it whole too
  await expect.poll(async () => [...bytesFromMessages(await panel.messages()).values()].map((s) => s.bytes.equals(streamBytes('slow')))).toEqual([true]);
  await panel.close();
  await page.close();
});

test('a 13 MB stream and another tab\'s stream survive a worker restart whole, neither truncated', async ({ extension, server }) => {
  // 13 MB through the capture, read back whole several times, on a loaded machine
  test.setTimeout(240_000);
  const big = await openTab(extension, server.base, 'capture-large');
  const other = await openTab(extension, server.base, 'capture-other');
  const readingBig = readFetch(big.page, `${server.base}/stream/large`);
  const readingOther = readFetch(other.page, `${server.base}/stream/slow`);
  await expect.poll(async () => (await extension.captured(big.tabId))[0]?.bytes.length ?? 0, { timeout: 60_000 }).toBeGreaterThan(4 * 1024 * 1024);
  const { restarted } = await extension.stopServiceWorker();
  expect(await readingBig).toBe(streamBytes('large').length);
  expect(await readingOther).toBe(streamBytes('slow').length);
  // no await of `restarted` first: when the relays had everything acknowledged before the stop,
  // nothing but this reader (a panel port) starts the worker again
  let large: CapturedStream[] = [];
  await expect
    .poll(async () => (large = await extension.captured(big.tabId)).map((stream) => [stream.bytes.length, stream.info.end?.outcome ?? 'open']), { timeout: 90_000 })
    .toEqual([[streamBytes('large').length, 'complete']]);
  await restarted;
  expect(large[0].info.truncated).toBe(false);
  expect(large[0].bytes.equals(streamBytes('large'))).toBe(true);
  const slow = await onlyStream(extension, other.tabId);
  expect(slow.info.truncated).toBe(false);
  expect(slow.bytes.equals(streamBytes('slow'))).toBe(true);
  await big.page.close();
  await other.page.close();
});

test('navigation clears a tab unless "preserve log" is on; closing the tab frees it', async ({ extension, server }) => {
  const { page, tabId } = await openTab(extension, server.base, 'capture-navigation');
  await readFetch(page, `${server.base}/stream/basic`);
  await onlyStream(extension, tabId);
  await page.goto(`${server.base}/page/second`);
  await expect.poll(async () => (await extension.captured(tabId)).length).toBe(0);

  const panel = await extension.livePanel(tabId);
  const inspector = await extension.extensionPage();
  await inspector.evaluate((tabId) => {
    const port = chrome.runtime.connect({ name: `streamscope:panel:${tabId}` });
    port.postMessage({ kind: 'set-preserve-log', value: true });
  }, tabId);
  await expect.poll(async () => (await panel.messages()).some((message) => message.kind === 'preserve-log' && message.value)).toBe(true);
  await readFetch(page, `${server.base}/stream/basic`);
  await page.goto(`${server.base}/page/third`);
  await readFetch(page, `${server.base}/stream/basic`);
  await expect.poll(async () => (await extension.captured(tabId)).map((stream) => stream.info.meta.frameUrl)).toEqual([
    `${server.base}/page/second`,
    `${server.base}/page/third`,
  ]);
  expect((await panel.messages()).some((message) => message.kind === 'navigated' && message.url.endsWith('/page/third'))).toBe(true);

  await page.close();
  await expect.poll(async () => (await extension.captured(tabId)).length).toBe(0);
  await panel.close();
});

test('a page abort while no read is pending ends the capture as cancelled', async ({ extension, server }) => {
  const { page, tabId } = await openTab(extension, server.base, 'capture-idle-abort');
  const closed = [server.closedEarly('idle-read'), server.closedEarly('idle-unread')];
  await page.evaluate(async (base) => {
    const reading = new AbortController();
    const reader = (await fetch(`${base}/hang?id=idle-read`, { signal: reading.signal })).body!.getReader();
    await reader.read();
    // the page stopped between two reads: no read is pending when it aborts, and none follows yet
    reading.abort();
    const unread = new AbortController();
    const response = await fetch(`${base}/hang?id=idle-unread`, { signal: unread.signal });
    unread.abort();
    Object.assign(globalThis, { idle: { reader, response } });
  }, server.base);
  await Promise.all(closed);
  await expect
    .poll(async () => (await extension.captured(tabId)).map((stream) => [new URL(stream.info.meta.url).search, stream.bytes.toString(), stream.info.end?.outcome ?? 'live']).sort())
    .toEqual([
      ['?id=idle-read', 'data: first\n\n', 'cancelled'],
      ['?id=idle-unread', '', 'cancelled'],
    ]);
  // what the page reads afterwards is the abort, as without the extension
  const later = await page.evaluate(async () => {
    const { reader, response } = (globalThis as unknown as { idle: { reader: ReadableStreamDefaultReader; response: Response } }).idle;
    const name = (error: Error) => error.name;
    return [await reader.read().then(() => 'resolved', name), await response.text().then(() => 'resolved', name)];
  });
  expect(later).toEqual(['AbortError', 'AbortError']);
  await page.close();
});

test('a cross-origin response records that only the headers CORS exposes were visible, and no header is judged missing', async ({ extension, server }) => {
  const page = await extension.context.newPage();
  // the same server under another origin: localhost instead of 127.0.0.1
  await page.goto(`${server.base.replace('127.0.0.1', 'localhost')}/page/capture-cors`);
  const tabId = await extension.tabIdOf(page);
  await page.evaluate(async (base) => {
    await (await fetch(`${base}/cors/x?from=fetch`)).text();
    await (await fetch(`${location.origin}/cors/x?from=same-origin`)).text();
    await new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.onloadend = resolve;
      xhr.open('GET', `${base}/cors/x?from=xhr`);
      xhr.send();
    });
  }, server.base);
  let streams: CapturedStream[] = [];
  await expect.poll(async () => (streams = await extension.captured(tabId)).filter((stream) => stream.info.end?.outcome === 'complete').length).toBe(3);
  const seen = streams
    .map(({ info: { meta } }) => ({
      from: new URL(meta.url).searchParams.get('from'),
      headersVisible: meta.headersVisible ?? 'all',
      buffering: meta.responseHeaders['x-accel-buffering'] ?? null,
      problems: headerProblems({ status: meta.status, headers: meta.responseHeaders, headersVisible: meta.headersVisible }).map((problem) => problem.message),
    }))
    .sort((a, b) => String(a.from).localeCompare(String(b.from)));
  expect(seen).toEqual([
    { from: 'fetch', headersVisible: 'cors', buffering: null, problems: [] },
    { from: 'same-origin', headersVisible: 'all', buffering: 'no', problems: [] },
    { from: 'xhr', headersVisible: 'cors', buffering: null, problems: [] },
  ]);
  await page.close();
});
