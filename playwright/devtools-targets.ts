/**
 * DevTools' own pages over CDP. Playwright does not expose them, so they are reached through the
 * browser's CDP session: `Target.openDevTools` opens DevTools on a page, `Target.getTargets` lists
 * its front end and the extension frames inside it, `Target.sendMessageToTarget` evaluates script
 * in them.
 */
import type { CDPSession } from '@playwright/test';

export type TargetInfo = { targetId: string; type: string; title: string; url: string; parentId?: string };

export type DevtoolsTargets = {
  /** Waits (up to `timeoutMs`) for a target and returns its id. */
  find(match: (target: TargetInfo, all: TargetInfo[]) => boolean, what: string): Promise<string>;
  evaluate<T>(targetId: string, expression: string): Promise<T>;
  /** Polls `expression` until `accept` takes its value (default: truthy); a target not answering yet counts as no value. */
  waitFor<T>(targetId: string, expression: string, what: string, accept?: (value: T) => boolean): Promise<T>;
};

type Reply = { id: number; result?: { result: { value: unknown }; exceptionDetails?: unknown }; error?: unknown };

/** A frame still being created when attached to can drop a session's messages: past this, attach afresh. */
const answerTimeoutMs = 10_000;
const pollMs = 100;

/** Calls `read` until it gives a value; on timeout the error shows what `last` saw. */
async function poll<T>(read: () => Promise<T | undefined>, what: string, timeoutMs: number, last: () => unknown = () => undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`[streamscope] timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last())}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

export function devtoolsTargets(session: CDPSession, timeoutMs: number): DevtoolsTargets {
  const sessions = new Map<string, string>();
  const replies = new Map<number, (message: Reply) => void>();
  let nextId = 0;
  session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as Reply;
    replies.get(message.id)?.(message);
  });

  async function attach(targetId: string): Promise<string> {
    const known = sessions.get(targetId);
    if (known) return known;
    const { sessionId } = (await session.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
    sessions.set(targetId, sessionId);
    return sessionId;
  }

  async function evaluate<T>(targetId: string, expression: string): Promise<T> {
    const sessionId = await attach(targetId);
    const id = ++nextId;
    const reply = new Promise<Reply>((resolve) => replies.set(id, resolve));
    const params = { expression, awaitPromise: true, returnByValue: true };
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params }) });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        sessions.delete(targetId);
        reject(new Error(`no answer from DevTools target ${targetId}`));
      }, answerTimeoutMs);
    });
    const message = await Promise.race([reply, silence]).finally(() => {
      clearTimeout(timer);
      replies.delete(id);
    });
    if (message.error || message.result?.exceptionDetails) throw new Error(`evaluate failed: ${JSON.stringify(message.error ?? message.result?.exceptionDetails)}`);
    return message.result!.result.value as T;
  }

  return {
    find(match, what) {
      let seen: TargetInfo[] = [];
      return poll(
        async () => {
          const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
          seen = targetInfos;
          return targetInfos.find((target) => match(target, targetInfos))?.targetId;
        },
        what,
        timeoutMs,
        () => seen.map(({ type, url, targetId, parentId }) => ({ type, url: url.slice(0, 100), targetId, parentId })),
      );
    },
    evaluate,
    waitFor<T>(targetId: string, expression: string, what: string, accept: (value: T) => boolean = Boolean) {
      let last: unknown;
      return poll(
        async () => {
          last = await evaluate<T>(targetId, expression).catch((error: Error) => error.message);
          return accept(last as T) ? (last as T) : undefined;
        },
        what,
        timeoutMs,
        () => last,
      );
    },
  };
}
