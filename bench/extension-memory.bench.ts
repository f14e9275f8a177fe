/**
 * The extension process's memory under floods (issue 13) while another tab streams: a page posts
 * 500 forged stream starts (1) with every metadata field at its cap (200 headers of 8 KB each way,
 * a 64 KB body: about 3.3 MB each, 1.6 GB in all — before the budgets, 500 of these took the
 * process to 9 GB and crashed it), dropped at the relay by the per-message budget; (2) each just
 * under that budget (about 0.9 MB, 450 MB in all), which the relay's queue budget and then the
 * tab's budget stop (the bench prints how many the flooding tab kept). Printed: the peak resident memory of the extension's process (read from /proc every
 * 100 ms) and the peak JS heap of its service worker (CDP `Runtime.getHeapUsage`), against the same
 * extension idle, in the same run; and whether the other tab's capture survived whole. Nothing is
 * asserted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { CDPSession } from 'playwright-core';
import { extensionDir, launchWithExtension, type ExtensionBrowser } from '../e2e/extension/browser.js';
import { streamBytes } from '../e2e/extension/streams.js';
import { startTestServer } from '../e2e/extension/test-server.js';

const starts = 500;
const sampleMs = 100;
const idleMs = 5_000;

/** Chromium processes, by pid: their command lines. */
function processes(): Map<number, string> {
  const found = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      found.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '));
    } catch {
      // the process ended while listed
    }
  }
  return found;
}

const userDataDir = (cmdline: string) => /--user-data-dir=(\S+)/.exec(cmdline)?.[1] ?? null;

/** The user-data-dirs of browsers running this build of the extension. */
function ourProfiles(): Set<string> {
  const profiles = new Set<string>();
  for (const cmdline of processes().values()) {
    const dir = userDataDir(cmdline);
    if (dir && cmdline.includes(`--load-extension=${extensionDir}`)) profiles.add(dir);
  }
  return profiles;
}

/** Resident kB of the extension processes of the browser whose profile is `profile`. */
function extensionRssKb(profile: string): number {
  let total = 0;
  for (const [pid, cmdline] of processes()) {
    if (!cmdline.includes('--extension-process') || userDataDir(cmdline) !== profile) continue;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // ended while read
    }
  }
  return total;
}

/** The service worker's JS heap, through the browser's CDP session (workers are no Playwright pages). */
async function workerHeap(browserCdp: CDPSession, extension: ExtensionBrowser): Promise<() => Promise<number>> {
  const { targetInfos } = (await browserCdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.includes(extension.extensionId));
  if (!worker) throw new Error('the extension has no service worker running');
  const { sessionId } = (await browserCdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  let id = 0;
  const replies = new Map<number, (value: number) => void>();
  browserCdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id: number; result?: { usedSize?: number } };
    replies.get(message.id)?.(message.result?.usedSize ?? Number.NaN);
  });
  return () =>
    new Promise<number>((resolve) => {
      replies.set(++id, resolve);
      void browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    });
}

/** Samples `read` every 100 ms until `done` settles; returns the peak. */
async function peakWhile(read: () => Promise<number> | number, done: Promise<unknown>): Promise<number> {
  let peak = 0;
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished) {
    peak = Math.max(peak, await read());
    await new Promise((resolve) => setTimeout(resolve, sampleMs));
  }
  return Math.max(peak, await read());
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function run(): Promise<void> {
  const server = await startTestServer();
  const before = ourProfiles();
  const extension = await launchWithExtension();
  try {
    const profile = [...ourProfiles()].find((dir) => !before.has(dir));
    if (!profile) throw new Error('cannot tell this browser\'s processes from others');
    const victim = await extension.context.newPage();
    await victim.goto(`${server.base}/page/victim`);
    const attacker = await extension.context.newPage();
    await attacker.goto(`${server.base}/page/attacker`);
    const [victimTab, attackerTab] = [await extension.tabIdOf(victim), await extension.tabIdOf(attacker)];
    await extension.serviceWorker();
    const browser = extension.context.browser();
    if (!browser) throw new Error('no browser CDP session for a persistent context');
    const heap = await workerHeap(await browser.newBrowserCDPSession(), extension);
    const rss = () => extensionRssKb(profile) * 1024;

    const idle = new Promise((resolve) => setTimeout(resolve, idleMs));
    const [idleRss, idleHeap] = await Promise.all([peakWhile(rss, idle), peakWhile(heap, idle)]);

    console.log(`extension process peak RSS idle (baseline, ${idleMs / 1000} s): ${mb(idleRss)}; service worker peak JS heap idle: ${mb(idleHeap)}`);

    const floods = [
      { name: 'every field at its cap (dropped at the relay)', headers: 200, headerChars: 8 * 1024 - 8 },
      { name: 'each just under the per-message budget', headers: 100, headerChars: 4 * 1024 },
    ];
    for (const [round, { name, headers, headerChars }] of floods.entries()) {
      const started = Date.now();
      const flood = (async () => {
        const reading = victim.evaluate(async (base) => (await fetch(`${base}/stream/slow`)).text(), server.base);
        await attacker.evaluate(
          ({ starts, headers, headerChars, round }) => {
            const fields = Object.fromEntries(Array.from({ length: headers }, (_, index) => [`h${index}`, 'v'.repeat(headerChars)]));
            const meta = {
              transport: 'fetch', url: `https://flood.invalid/${'u'.repeat(8000)}`, method: 'POST', requestHeaders: fields, requestBody: 'b'.repeat(64 * 1024),
              status: 200, statusText: 'OK', responseHeaders: fields, startedAt: Date.now(), frameUrl: location.href, bytes: 'wire', note: null,
            };
            for (let index = 0; index < starts; index++) {
              window.postMessage({ source: 'streamscope:page', messages: [{ kind: 'stream-start', streamId: `flood-${round}-${index}`, meta }] }, '*');
            }
          },
          { starts, headers, headerChars, round },
        );
        await reading;
        // the background has the victim's stream of this round once its capture ended
        for (;;) {
          const streams = await extension.captured(victimTab);
          if (streams.length === round + 1 && streams[round].info.end) return streams[round];
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      })();
      const [floodRss, floodHeap, victimStream] = await Promise.all([peakWhile(rss, flood), peakWhile(heap, flood), flood]);
      const seconds = (Date.now() - started) / 1000;
      const whole = victimStream.bytes.equals(streamBytes('slow')) && victimStream.info.end?.outcome === 'complete';
      console.log(`flood of ${starts} forged starts, ${name}, ${seconds.toFixed(1)} s:`);
      console.log(`  extension process peak RSS ${mb(floodRss)} → ${(floodRss / idleRss).toFixed(2)}x idle; service worker peak JS heap ${mb(floodHeap)} → ${(floodHeap / idleHeap).toFixed(2)}x idle`);
      console.log(`  the other tab's stream: ${whole ? 'captured whole, complete' : `NOT whole: ${victimStream.bytes.length} bytes, ${JSON.stringify(victimStream.info.end)}`}`);
      const kept = await extension.captured(attackerTab);
      const metaBytes = kept.reduce((sum, stream) => sum + JSON.stringify(stream.info.meta).length, 0);
      console.log(`  the flooding tab: ${kept.length} forged streams kept (${mb(metaBytes)} of metadata), the rest dropped with a note`);
    }
    console.log(`machine load (1-min average) during the run: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
  } finally {
    await extension.close();
    await server.close();
  }
}
