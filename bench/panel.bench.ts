/**
 * The panel bench, in Chromium: the built panel page (`panel.html?tabId=N`, brought to the front)
 * fed by the real background as a page of the tab streams. Each figure is printed beside a
 * baseline run in the same process, with its target; nothing is asserted.
 *
 * - a 100,000-event stream: selecting it to the Events view painted (target < 300 ms), against a
 *   1,000-event stream; filtering its events by type and searching their raw text (< 100 ms); the
 *   panel page's heap (< 150 MB) against the empty panel's;
 * - while the hostile set decodes (a 10 MB delta, JSON nested 10,000 deep, 100,000 tool calls,
 *   markup everywhere): input-to-paint p95 of selecting a stream and switching views (< 100 ms),
 *   against the same input on an idle panel;
 * - a live stream at 1,000 events/s: renders per second against animation frames per second
 *   (≤ one per frame), and the backlog between what the page read and what the panel shows (not growing).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../e2e/extension/browser.js';
import { PANEL_PAGE_PATH } from '../extension/shared/hops.js';
import { encodeChunk, encodeDone, uiMessageStreamHeaders } from '../protocol/encoder.js';
import { median } from './support/stats.js';

const bigEvents = 100_000;
const baselineEvents = 1_000;
const selectRounds = 5;
const liveSeconds = 6;
const markup = `<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">`;

function deltas(count: number): string {
  const parts = [encodeChunk({ type: 'start' }), encodeChunk({ type: 'text-start', id: 't' })];
  for (let index = 0; index < count - 5; index++) parts.push(encodeChunk({ type: 'text-delta', id: 't', delta: `w${index} ` }));
  parts.push(encodeChunk({ type: 'text-end', id: 't' }), encodeChunk({ type: 'finish' }), encodeDone());
  return parts.join('');
}

const framed = (body: string) => encodeChunk({ type: 'start' }) + body + encodeChunk({ type: 'finish' }) + encodeDone();

/** The hostile set of issue 9, by path. */
const hostile: Record<string, () => string> = {
  markup: () =>
    framed(
      encodeChunk({ type: 'text-start', id: markup }) +
        encodeChunk({ type: 'text-delta', id: markup, delta: markup }) +
        encodeChunk({ type: 'source-url', sourceId: markup, url: 'javascript:window.pwned=3', title: markup }) +
        `event: ${markup}\ndata: {"type":${JSON.stringify(markup)}}\n\n`,
    ),
  'big-delta': () => framed(encodeChunk({ type: 'text-start', id: 't' }) + encodeChunk({ type: 'text-delta', id: 't', delta: 'x'.repeat(10 * 1024 * 1024) }) + encodeChunk({ type: 'text-end', id: 't' })),
  deep: () => framed(`data: {"type":"data-deep","data":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}\n\n`),
  tools: () => framed(Array.from({ length: 100_000 }, (_, n) => `data: {"type":"tool-input-available","toolCallId":"c${n}","toolName":"t","input":{"n":${n}}}\n\n`).join('')),
};

async function writeInPieces(res: ServerResponse, body: string): Promise<void> {
  const bytes = Buffer.from(body);
  for (let start = 0; start < bytes.length && !res.destroyed; start += 64 * 1024) {
    if (!res.write(bytes.subarray(start, start + 64 * 1024))) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

/** 1,000 events/s by the clock: each tick writes the events due since the start. */
function writeLive(res: ServerResponse): void {
  const started = Date.now();
  let sent = 0;
  res.write(encodeChunk({ type: 'start' }) + encodeChunk({ type: 'text-start', id: 't' }));
  const timer = setInterval(() => {
    const due = Math.min(liveSeconds * 1000, Date.now() - started);
    let text = '';
    for (; sent < due; sent++) text += encodeChunk({ type: 'text-delta', id: 't', delta: `w${sent} ` });
    if (text) res.write(text);
    if (due >= liveSeconds * 1000 || res.destroyed) {
      clearInterval(timer);
      res.end(encodeChunk({ type: 'text-end', id: 't' }) + encodeChunk({ type: 'finish' }) + encodeDone());
    }
  }, 4);
}

async function startServer() {
  const bodies = new Map<string, string>();
  const body = (key: string, make: () => string) => bodies.get(key) ?? bodies.set(key, make()).get(key)!;
  const server = createServer((req, res) => {
    const [, route, name] = (req.url ?? '/').split('?')[0].split('/');
    if (route === 'events') return void (res.writeHead(200, uiMessageStreamHeaders), writeInPieces(res, body(name, () => deltas(Number(name)))));
    if (route === 'hostile' && hostile[name]) return void (res.writeHead(200, uiMessageStreamHeaders), writeInPieces(res, body(`hostile-${name}`, hostile[name])));
    if (route === 'live') return void (res.writeHead(200, uiMessageStreamHeaders), writeLive(res));
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>panel bench</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** The page reads `path` to its end, counting the events it read (`window.read[path]`). */
function read(page: Page, path: string): Promise<void> {
  return page.evaluate((path) => {
    const counts = ((window as unknown as { read?: Record<string, number> }).read ??= {});
    counts[path] = 0;
    void fetch(path).then(async (response) => {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let tail = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        // an event's blank line may be split across reads: count on the last character kept
        counts[path] += (tail + value).split('\n\n').length - 1;
        tail = value.slice(-1);
      }
    });
  }, path);
}

/** Waits until the panel lists a stream whose URL has `path`, decoded and judged. */
async function settled(panel: Page, path: string): Promise<void> {
  await panel.waitForFunction(
    (path) => [...document.querySelectorAll<HTMLElement>('[data-testid=stream-row]')].some((row) => row.title.includes(path) && row.dataset.state !== 'live' && row.dataset.settled === 'true'),
    path,
    { timeout: 600_000, polling: 100 },
  );
}

/**
 * In the panel: clicks the row of `path`, presses `key` (a view), and resolves with the ms from
 * the click to the first frame after the detail shows it and the expression `ready` holds.
 * (Extension pages forbid eval: the whole script is built here.)
 */
function inputToPaint(panel: Page, path: string, key: string, ready: string): Promise<number> {
  return panel.evaluate<number>(`new Promise((resolve) => {
    const row = [...document.querySelectorAll('[data-testid=stream-row]')].find((candidate) => candidate.title.includes(${JSON.stringify(path)}));
    const started = performance.now();
    row.click();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(key)}, bubbles: true }));
    const shown = () => document.querySelector('[data-testid=detail-header]')?.textContent.includes(${JSON.stringify(path)}) && (${ready});
    const poll = () => (shown() ? requestAnimationFrame(() => resolve(performance.now() - started)) : requestAnimationFrame(poll));
    poll();
  })`);
}

/** Sets the events filter and resolves with the ms to the first frame after the list shows `count` of its events. */
function filterToPaint(panel: Page, query: string, count: string): Promise<number> {
  return panel.evaluate<number>(`new Promise((resolve) => {
    const input = document.getElementById('event-filter');
    const started = performance.now();
    input.value = ${JSON.stringify(query)};
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const shown = () => [...document.querySelectorAll('.events-view .subbar .muted')].some((label) => label.textContent.startsWith(${JSON.stringify(count)}));
    const poll = () => (shown() ? requestAnimationFrame(() => resolve(performance.now() - started)) : requestAnimationFrame(poll));
    poll();
  })`);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const mark = (met: boolean) => (met ? '✓' : '✗');

export async function run(): Promise<void> {
  const server = await startServer();
  const extension = await launchWithExtension();
  try {
    const page = await extension.context.newPage();
    await page.goto(`${server.base}/page`);
    const tabId = await extension.tabIdOf(page);
    const panel = await extension.context.newPage();
    await panel.goto(`chrome-extension://${extension.extensionId}/${PANEL_PAGE_PATH}?tabId=${tabId}`);
    await panel.bringToFront();
    const cdp = await extension.context.newCDPSession(panel);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };
    const emptyHeap = await heap();

    // 100,000 events against 1,000: select each in turn, Events view shown
    for (const events of [baselineEvents, bigEvents]) {
      await read(page, `/events/${events}/`);
      await settled(panel, `/events/${events}/`);
    }
    const eventsShown = (events: number) => `document.querySelector('.tab.active .tab-count')?.textContent === '${events}' && document.querySelectorAll('[data-testid=event-row]').length > 0`;
    const selects: Record<number, number[]> = { [baselineEvents]: [], [bigEvents]: [] };
    for (let round = 0; round < selectRounds; round++) {
      for (const events of [baselineEvents, bigEvents]) selects[events].push(await inputToPaint(panel, `/events/${events}/`, '1', eventsShown(events)));
    }
    const [small, big] = [median(selects[baselineEvents]), median(selects[bigEvents])];
    console.log(`select → Events painted, ${baselineEvents.toLocaleString('en')} events (baseline): ${ms(small)}`);
    console.log(`select → Events painted, ${bigEvents.toLocaleString('en')} events: ${ms(big)} (${(big / small).toFixed(1)}x baseline; target < 300 ms) ${mark(big < 300)}`);

    // filter by type and search raw text, on the big stream against the small one
    for (const events of [baselineEvents, bigEvents]) {
      await inputToPaint(panel, `/events/${events}/`, '1', eventsShown(events));
      const byType = await filterToPaint(panel, 'text-end', '1 of ');
      await filterToPaint(panel, '', `${events} events`);
      const search = await filterToPaint(panel, `w${events - 10} `, '1 of ');
      await filterToPaint(panel, '', `${events} events`);
      const label = events === baselineEvents ? ' (baseline)' : '';
      console.log(`filter events by type, ${events.toLocaleString('en')} events${label}: ${ms(byType)}${label ? '' : ` (target < 100 ms) ${mark(byType < 100)}`}`);
      console.log(`search raw text, ${events.toLocaleString('en')} events${label}: ${ms(search)}${label ? '' : ` (target < 100 ms) ${mark(search < 100)}`}`);
    }
    const streamHeap = await heap();
    console.log(`panel page heap: empty panel (baseline) ${mb(emptyHeap)}; with the ${bigEvents.toLocaleString('en')}-event stream ${mb(streamHeap)} (${(streamHeap / emptyHeap).toFixed(1)}x; target < 150 MB) ${mark(streamHeap < 150 * 1024 * 1024)}`);

    // input-to-paint while the hostile set decodes, against the same input on an idle panel
    const paths = [`/events/${baselineEvents}/`, `/events/${bigEvents}/`];
    const ready = (key: string) => `document.querySelector('.tab.active')?.title.endsWith('(${key})')`;
    const interact = (turn: number) => inputToPaint(panel, paths[turn % 2], turn % 2 ? '2' : '1', ready(turn % 2 ? '2' : '1'));
    const idle: number[] = [];
    for (let turn = 0; turn < 20; turn++) idle.push(await interact(turn));
    for (const name of Object.keys(hostile)) await read(page, `/hostile/${name}`);
    const busy: number[] = [];
    const hostileSettled = () =>
      panel.evaluate(() => {
        const rows = [...document.querySelectorAll<HTMLElement>('[data-testid=stream-row]')].filter((row) => row.title.includes('/hostile/'));
        return rows.length === 4 && rows.every((row) => row.dataset.state !== 'live' && row.dataset.settled === 'true');
      });
    for (let turn = 0; !(await hostileSettled()) || busy.length === 0; turn++) busy.push(await interact(turn));
    const [idleP95, busyP95] = [percentile(idle, 95), percentile(busy, 95)];
    console.log(`input-to-paint p95, idle panel (baseline, ${idle.length} inputs): ${ms(idleP95)}`);
    console.log(`input-to-paint p95 while the hostile set decodes (${busy.length} inputs): ${ms(busyP95)} (${(busyP95 / idleP95).toFixed(1)}x baseline; target < 100 ms) ${mark(busyP95 < 100)}`);

    // live at 1,000 events/s: renders against frames, and the backlog over time
    // renders of the live stream's Events view (its DOM commits), against animation frames; scripts
    // run in the panel are strings, as the bundler's helpers for named functions do not exist there
    const countRenders = `(() => {
      const state = { renders: 0, frames: 0, crowded: 0, sinceFrame: 0 };
      new MutationObserver(() => {
        state.renders++;
        state.sinceFrame++;
      }).observe(document.querySelector('.events-view'), { subtree: true, childList: true, characterData: true });
      const frame = () => {
        state.frames++;
        if (state.sinceFrame > 1) state.crowded++;
        state.sinceFrame = 0;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      window.liveCount = state;
    })()`;
    await read(page, '/live');
    await panel.waitForFunction(() => [...document.querySelectorAll('[data-testid=stream-row]')].some((row) => (row as HTMLElement).title.includes('/live')), undefined, { timeout: 60_000 });
    await inputToPaint(panel, '/live', '1', `Boolean(document.querySelector('.events-view'))`);
    await panel.evaluate(countRenders);
    const backlog: number[] = [];
    const started = Date.now();
    while (Date.now() - started < (liveSeconds - 1) * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const pageRead = await page.evaluate(() => (window as unknown as { read: Record<string, number> }).read['/live']);
      const shown = await panel.evaluate(() => Number(document.querySelector('.tab.active .tab-count')?.textContent ?? 0));
      backlog.push(pageRead - shown);
    }
    const counted = await panel.evaluate(() => (window as unknown as { liveCount: { renders: number; frames: number; crowded: number } }).liveCount);
    const seconds = (Date.now() - started) / 1000;
    const [renders, frames] = [counted.renders / seconds, counted.frames / seconds];
    console.log(
      `live at 1,000 events/s: animation frames ${frames.toFixed(0)}/s (baseline), Events view renders ${renders.toFixed(0)}/s ` +
        `(${(renders / frames).toFixed(2)} per frame; ${counted.crowded} of ${counted.frames} frames had more than one; target ≤ 1 per frame) ${mark(renders <= frames)}`,
    );
    const half = Math.floor(backlog.length / 2);
    const [early, late] = [median(backlog.slice(0, half)), median(backlog.slice(half))];
    console.log(`live backlog, events read by the page but not yet shown: ${backlog.join(', ')} (median ${early} → ${late}; target: not growing) ${mark(late <= Math.max(early, 0) + 100)}`);
    console.log(`machine load (1-min average) during the run: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores — the figures above follow it`);
  } finally {
    await extension.close();
    server.close();
  }
}
