/**
 * Real DevTools for the network-log test: Chromium with the extension and DevTools opened for
 * every tab (`--auto-open-devtools-for-tabs`). Playwright does not expose DevTools' own pages, so
 * they are reached over CDP: `Target.getTargets` lists the DevTools front end and the extension
 * frames inside it, and `Target.sendMessageToTarget` evaluates script in them.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../support/chromium.js';
import { ensureExtensionBuilt } from '../../extension/fixtures.js';

type TargetInfo = { targetId: string; type: string; title: string; url: string; parentId?: string };

export async function launchWithDevtools(): Promise<{ context: BrowserContext; extensionId: string }> {
  const dir = ensureExtensionBuilt();
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: process.env.STREAMSCOPE_HEADED !== '1',
    args: [...chromiumArgs, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--auto-open-devtools-for-tabs'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(worker.url()).host };
}

export type DevtoolsTargets = {
  /** Waits for a target and returns its id. */
  find(match: (target: TargetInfo, all: TargetInfo[]) => boolean): Promise<string>;
  evaluate<T>(targetId: string, expression: string): Promise<T>;
};

const poll = async <T>(read: () => Promise<T | undefined>, what: string): Promise<T> => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export async function devtoolsTargets(context: BrowserContext, page: Page): Promise<DevtoolsTargets> {
  const session: CDPSession = await context.newCDPSession(page);
  const sessions = new Map<string, string>();
  const replies = new Map<number, (message: { result?: { result: { value: unknown }; exceptionDetails?: unknown }; error?: unknown }) => void>();
  let nextId = 0;
  session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message);
    replies.get(message.id)?.(message);
  });
  return {
    find(match) {
      return poll(async () => {
        const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
        return targetInfos.find((target) => match(target, targetInfos))?.targetId;
      }, 'a DevTools target');
    },
    async evaluate(targetId, expression) {
      if (!sessions.has(targetId)) {
        const { sessionId } = (await session.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
        sessions.set(targetId, sessionId);
      }
      const id = ++nextId;
      const reply = new Promise<Parameters<typeof replies extends Map<number, infer F> ? F : never>[0]>((resolve) => replies.set(id, resolve));
      const params = { expression, awaitPromise: true, returnByValue: true };
      await session.send('Target.sendMessageToTarget', { sessionId: sessions.get(targetId)!, message: JSON.stringify({ id, method: 'Runtime.evaluate', params }) });
      const message = await reply;
      replies.delete(id);
      if (message.error || message.result?.exceptionDetails) throw new Error(`evaluate failed: ${JSON.stringify(message.error ?? message.result?.exceptionDetails)}`);
      return message.result!.result.value as never;
    },
  };
}

/** Polls an expression in a target until it is truthy, and returns it. */
export function waitForValue<T>(targets: DevtoolsTargets, targetId: string, expression: string, what: string): Promise<T> {
  return poll(async () => (await targets.evaluate<T | null>(targetId, expression)) || undefined, what);
}
