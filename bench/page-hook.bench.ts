/**
 * The page hook's cost per `fetch()` call, in Chromium with the extension and without it, in the
 * same run: the page calls `fetch` again and again, one request at a time, timing the call itself
 * (the wrapper's synchronous work: building the `Request` the platform would build, noting the
 * body) and each whole round trip. Answers are tiny JSON from a local server, so the hook only checks their
 * headers: this is the price every request of every page pays, streams or not.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchWithExtension, launchWithoutExtension } from '../e2e/extension/browser.js';
import { median } from './support/stats.js';

const calls = 300;
const rounds = 9;
const ratio = (ours: number, baseline: number): string => `${(ours / baseline).toFixed(3)}x`;

type Timing = { callUs: number; totalMs: number };

/** The page code as text: tsx would add helpers a page does not have to a function's source. */
const burst = `async ({ url, calls, init }) => {
  let inCall = 0;
  const started = performance.now();
  for (let index = 0; index < calls; index++) {
    const options = init === null ? undefined : { ...init, headers: { ...init.headers } };
    const before = performance.now();
    const pending = options === undefined ? fetch(url) : fetch(url, options);
    inCall += performance.now() - before;
    await (await pending).text();
  }
  return { callUs: (inCall / calls) * 1000, totalMs: performance.now() - started };
}`;

const kinds: Array<{ label: string; init: RequestInit | null }> = [
  { label: 'GET fetch(url)', init: null },
  // not a chat body: a chat request answered without a stream is captured whole, on purpose
  { label: 'POST fetch(url, init) with a JSON body', init: { method: 'POST', body: JSON.stringify({ query: 'weather', page: 1 }), headers: { 'content-type': 'application/json' } } },
];

function burstOf(page: Page, url: string, init: RequestInit | null): Promise<Timing> {
  return page.evaluate(`(${burst})(${JSON.stringify({ url, calls, init })})`) as Promise<Timing>;
}

export async function run(): Promise<void> {
  const server = createServer((req, res) => {
    req.resume();
    if (req.url === '/tiny') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const extension = await launchWithExtension();
  const plain = await launchWithoutExtension();
  try {
    const withPage = await extension.context.newPage();
    const withoutPage = await plain.newPage();
    await Promise.all([withPage.goto(`${base}/page`), withoutPage.goto(`${base}/page`)]);
    for (const { label, init } of kinds) {
      const runs: Record<'with' | 'without', Timing[]> = { with: [], without: [] };
      // one warm-up each, then alternate so drift hits both sides alike
      await burstOf(withPage, `${base}/tiny`, init);
      await burstOf(withoutPage, `${base}/tiny`, init);
      for (let round = 0; round < rounds; round++) {
        runs.without.push(await burstOf(withoutPage, `${base}/tiny`, init));
        runs.with.push(await burstOf(withPage, `${base}/tiny`, init));
      }
      const call = (side: Timing[]) => median(side.map((timing) => timing.callUs));
      const total = (side: Timing[]) => median(side.map((timing) => timing.totalMs));
      console.log(
        `page hook per call, ${label}: ${call(runs.with).toFixed(1)} µs with, ${call(runs.without).toFixed(1)} µs without → ${ratio(call(runs.with), call(runs.without))} ` +
          `(the call itself; ${calls} round trips one after another: ${total(runs.with).toFixed(0)} ms with, ${total(runs.without).toFixed(0)} ms without → ${ratio(total(runs.with), total(runs.without))})`,
      );
    }
    console.log(`machine load (1-min average) during the run: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores (timings under load are noisy)`);
  } finally {
    await extension.close();
    await plain.close();
    server.close();
  }
}
