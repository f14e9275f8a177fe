/**
 * Real DevTools for the network-log test: Chromium with the extension and DevTools opened for
 * every tab (`--auto-open-devtools-for-tabs`). Playwright does not expose DevTools' own pages, so
 * they are reached over CDP: `Target.getTargets` lists the DevTools front end and the extension
 * frames inside it, and `Target.sendMessageToTarget` evaluates script in them.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../support/chromium.js';
import { ensureExtensionBuilt } from '../../extension/browser.js';

type Reply = { result?: { result: { value: unknown }; exceptionDetails?: unknown }; error?: unknown };
const evaluateTimeoutMs = 3000;

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

/** Calls `read` until it gives a value; on timeout the error shows what `last` saw. */
const poll = async <T>(read: () => Promise<T | undefined>, what: string, last: () => unknown = () => undefined): Promise<T> => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last())}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export async function devtoolsTargets(context: BrowserContext, page: Page): Promise<DevtoolsTargets> {
  const session: CDPSession = await context.newCDPSession(page);
  const sessions = new Map<string, string>();
  const replies = new Map<number, (message: Reply) => void>();
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
      const reply = new Promise<Reply>((resolve) => replies.set(id, resolve));
      const params = { expression, awaitPromise: true, returnByValue: true };
      await session.send('Target.sendMessageToTarget', { sessionId: sessions.get(targetId)!, message: JSON.stringify({ id, method: 'Runtime.evaluate', params }) });
      // A frame that was still being created when attached to can drop the session's messages:
      // past the deadline the session is forgotten, so the next call attaches afresh.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          sessions.delete(targetId);
          reject(new Error(`no answer from target ${targetId}`));
        }, evaluateTimeoutMs);
      });
      const message = await Promise.race([reply, deadline]).finally(() => {
        clearTimeout(timer);
        replies.delete(id);
      });
      if (message.error || message.result?.exceptionDetails) throw new Error(`evaluate failed: ${JSON.stringify(message.error ?? message.result?.exceptionDetails)}`);
      return message.result!.result.value as never;
    },
  };
}

/**
 * Polls an expression in a target until `accept` takes its value (default: truthy); a target not
 * answering yet counts as no value.
 */
export function waitForValue<T>(
  targets: DevtoolsTargets,
  targetId: string,
  expression: string,
  what: string,
  accept: (value: T) => boolean = Boolean,
): Promise<T> {
  let last: unknown;
  return poll(
    async () => {
      last = await targets.evaluate<T>(targetId, expression).catch((error: Error) => error.message);
      return accept(last as T) ? (last as T) : undefined;
    },
    what,
    () => last,
  );
}
