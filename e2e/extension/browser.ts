/**
 * Chromium with the built extension loaded, and without it, plus readers of what the background
 * holds (through the same port protocol a panel uses). Plain playwright-core, so the benchmark
 * uses it too; fixtures.ts wraps it for Playwright Test.
 *
 * New headless Chromium (what `headless: true` starts with Debian's Chromium 156) runs extensions,
 * service worker and content scripts included, so no X server is needed; STREAMSCOPE_HEADED=1
 * shows the browser instead.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumArgs, findChromium } from '../support/chromium.js';
import type { BackgroundToPanelMessage, StreamInfo } from '../../extension/shared/messages.js';

const root = resolve(import.meta.dirname, '../..');
export const extensionDir = resolve(root, 'dist/extension');

/** Builds the unpacked extension when dist/extension has none (npm test builds it first). */
export function ensureExtensionBuilt(): string {
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    execFileSync('npm', ['run', 'build:extension'], { cwd: root, stdio: 'inherit' });
  }
  return extensionDir;
}

const headless = process.env.STREAMSCOPE_HEADED !== '1';

/** Chrome's id for an unpacked extension: from the SHA-256 of its absolute path, hex digits
 * 0-f written as letters a-p. Known before the browser starts, with no wait for the worker. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export type CapturedStream = { info: StreamInfo; bytes: Buffer; chunks: { at: number; bytes: Buffer }[] };

export type ExtensionBrowser = {
  context: BrowserContext;
  extensionId: string;
  /** The current background service worker (a new one after Chrome restarted it). */
  serviceWorker(): Promise<Worker>;
  /** Chrome's tab id of a page. */
  tabIdOf(page: Page): Promise<number>;
  /** Everything the background holds for a tab, as a panel opened now receives it. */
  captured(tabId: number): Promise<CapturedStream[]>;
  /**
   * A panel connection kept open in the extension page, reconnecting when the worker restarts
   * as a panel does; `messages()` returns everything received since the last `hello`.
   */
  livePanel(tabId: number): Promise<{ messages(): Promise<BackgroundToPanelMessage[]>; close(): Promise<void> }>;
  /**
   * Stops the background service worker as Chrome does when idle (CDP
   * `ServiceWorker.stopAllWorkers`); resolves once it stopped, with a promise of its next start.
   */
  stopServiceWorker(): Promise<{ restarted: Promise<void> }>;
  /** An extension page (for `chrome.*` calls); reused. */
  extensionPage(): Promise<Page>;
  close(): Promise<void>;
};

type SnapshotStream = { info: StreamInfo; chunks: { at: number; base64: string }[] };

/** `extraArgs`: more Chromium flags (the benchmark exposes `gc()`). */
export async function launchWithExtension(extraArgs: readonly string[] = []): Promise<ExtensionBrowser> {
  const dir = ensureExtensionBuilt();
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless,
    args: [...chromiumArgs, ...extraArgs, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const extensionId = unpackedExtensionId(dir);
  const origin = `chrome-extension://${extensionId}/`;
  let extensionPage: Page | undefined;
  const getExtensionPage = async () => {
    if (!extensionPage || extensionPage.isClosed()) {
      extensionPage = await context.newPage();
      await extensionPage.goto(`chrome-extension://${extensionId}/manifest.json`);
    }
    return extensionPage;
  };
  // an idle worker is not running: connecting to it from an extension page starts it
  const serviceWorker = async () => {
    const running = context.serviceWorkers().find((worker) => worker.url().startsWith(origin));
    if (running) return running;
    const started = context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().startsWith(origin) });
    await (await getExtensionPage()).evaluate(() => chrome.runtime.connect({ name: 'streamscope:wake' }));
    return started;
  };
  return {
    context,
    extensionId,
    serviceWorker,
    extensionPage: getExtensionPage,
    async tabIdOf(page) {
      const url = page.url();
      const inspector = await getExtensionPage();
      const tabId = await inspector.evaluate(async (url) => {
        for (const tab of await chrome.tabs.query({})) {
          const frames = await chrome.webNavigation.getAllFrames({ tabId: tab.id! });
          if (frames?.some((frame) => frame.frameId === 0 && frame.url === url)) return tab.id!;
        }
        return null;
      }, url);
      if (tabId === null) throw new Error(`no tab shows ${url}`);
      return tabId;
    },
    async captured(tabId) {
      const inspector = await getExtensionPage();
      const snapshot = await inspector.evaluate(
        (tabId) =>
          new Promise<SnapshotStream[]>((resolve, reject) => {
            const port = chrome.runtime.connect({ name: `streamscope:panel:${tabId}` });
            const streams = new Map<string, SnapshotStream>();
            port.onDisconnect.addListener(() => reject(new Error('background closed the panel port')));
            port.onMessage.addListener((message) => {
              if (message.kind === 'stream-added') streams.set(message.stream.id, { info: message.stream, chunks: [] });
              if (message.kind === 'stream-data') streams.get(message.streamId)!.chunks.push(...message.chunks);
              if (message.kind === 'stream-ended') {
                const stream = streams.get(message.streamId)!;
                stream.info = { ...stream.info, end: message.end, truncated: message.truncated };
              }
              if (message.kind === 'snapshot-done') {
                port.disconnect();
                resolve([...streams.values()]);
              }
            });
          }),
        tabId,
      );
      return snapshot.map(({ info, chunks }) => {
        const decoded = chunks.map(({ at, base64 }) => ({ at, bytes: Buffer.from(base64, 'base64') }));
        return { info, chunks: decoded, bytes: Buffer.concat(decoded.map((chunk) => chunk.bytes)) };
      });
    },
    async stopServiceWorker() {
      const cdp = await context.newCDPSession(await getExtensionPage());
      const ours = `chrome-extension://${extensionId}/`;
      // `stopped` is set by the event itself, not after awaiting it: a relay with unacknowledged
      // messages restarts the worker at once, and its `running` may arrive before that await returns
      let stopped = false;
      const status = (wanted: 'stopped' | 'running') =>
        new Promise<void>((resolve) => {
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            const statuses = versions.filter((version) => version.scriptURL.startsWith(ours)).map((version) => version.runningStatus);
            if (statuses.includes('stopped')) stopped = true;
            if (stopped && statuses.includes(wanted)) resolve();
          });
        });
      const hasStopped = status('stopped');
      const restarted = status('running');
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await hasStopped;
      return { restarted };
    },
    async livePanel(tabId) {
      const inspector = await getExtensionPage();
      const key = await inspector.evaluate((tabId) => {
        const key = `panel-${tabId}-${Math.random()}`;
        const state = { messages: [] as unknown[], port: null as chrome.runtime.Port | null, open: true };
        const connect = () => {
          const port = chrome.runtime.connect({ name: `streamscope:panel:${tabId}` });
          state.port = port;
          port.onMessage.addListener((message) => {
            if (message.kind === 'hello') state.messages = [];
            state.messages.push(message);
          });
          port.onDisconnect.addListener(() => {
            if (state.open) connect();
          });
        };
        connect();
        (globalThis as Record<string, unknown>)[key] = state;
        return key;
      }, tabId);
      type State = { messages: BackgroundToPanelMessage[]; port: chrome.runtime.Port; open: boolean };
      return {
        messages: () => inspector.evaluate((key) => (globalThis as unknown as Record<string, State>)[key].messages, key),
        close: () =>
          inspector.evaluate((key) => {
            const panel = (globalThis as unknown as Record<string, State>)[key];
            panel.open = false;
            panel.port.disconnect();
          }, key),
      };
    },
    close: () => context.close(),
  };
}

/** Each stream's bytes as a live panel has them, from its messages. */
export function bytesFromMessages(messages: BackgroundToPanelMessage[]): Map<string, { info: StreamInfo; bytes: Buffer }> {
  const streams = new Map<string, { info: StreamInfo; parts: Buffer[] }>();
  for (const message of messages) {
    if (message.kind === 'stream-added') streams.set(message.stream.id, { info: message.stream, parts: [] });
    if (message.kind === 'stream-data') streams.get(message.streamId)?.parts.push(...message.chunks.map((chunk) => Buffer.from(chunk.base64, 'base64')));
    if (message.kind === 'stream-ended') {
      const stream = streams.get(message.streamId);
      if (stream) stream.info = { ...stream.info, end: message.end, truncated: message.truncated };
    }
  }
  return new Map([...streams].map(([id, { info, parts }]) => [id, { info, bytes: Buffer.concat(parts) }]));
}

export function launchWithoutExtension(extraArgs: readonly string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', { executablePath: findChromium(), headless, args: [...chromiumArgs, ...extraArgs] });
}
