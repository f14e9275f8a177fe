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
  /** A CDP command to a target (`Input.dispatchMouseEvent` to DevTools' front end, …). */
  send<T>(targetId: string, method: string, params: object): Promise<T>;
  evaluate<T>(targetId: string, expression: string): Promise<T>;
  /** Polls `expression` until `accept` takes its value (default: truthy); a target not answering yet counts as no value. */
  waitFor<T>(targetId: string, expression: string, what: string, accept?: (value: T) => boolean): Promise<T>;
};

type Reply = { id: number; result?: unknown; error?: unknown };
type Evaluated = { result: { value: unknown }; exceptionDetails?: unknown };

/**
 * Half of Playwright's default test timeout: a wait that cannot succeed fails with its own message
 * (what it waited for, in which target, what it saw) before the test's bare "Test timeout".
 */
export const defaultDevtoolsTimeoutMs = 30_000;

/** A frame still being created when attached to can drop a session's messages: past this, attach afresh. */
const answerTimeoutMs = 10_000;
const pollMs = 100;
/** An error shows this much of what a wait saw last. */
const seenChars = 4000;

const shorten = (text: string, chars: number): string => (text.length > chars ? `${text.slice(0, chars)}…` : text);

/** Calls `read` until it gives a value; on timeout the error says what it waited for and what `last` saw. */
async function poll<T>(read: () => Promise<T | undefined>, what: () => string, timeoutMs: number, last: () => unknown): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`[streamscope] DevTools: timed out after ${timeoutMs} ms waiting for ${what()}; last seen: ${shorten(JSON.stringify(last()) ?? 'nothing', seenChars)}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** A target as an error message names it: its type, its URL (shortened) and its id. */
const describe = (target: TargetInfo | undefined, targetId: string): string =>
  target ? `the ${target.type} ${shorten(target.url, 100)} (${targetId})` : `target ${targetId}`;

export function devtoolsTargets(session: CDPSession, timeoutMs: number = defaultDevtoolsTimeoutMs): DevtoolsTargets {
  /** Every target `find` saw, so that an error can name the one a wait ran in. */
  const known = new Map<string, TargetInfo>();
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

  /** Sends a CDP command to a target over the browser session; resolves with its result. */
  async function send<T>(targetId: string, method: string, params: object): Promise<T> {
    const sessionId = await attach(targetId);
    const id = ++nextId;
    const reply = new Promise<Reply>((resolve) => replies.set(id, resolve));
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
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
    if (message.error) throw new Error(`${method} failed: ${JSON.stringify(message.error)}`);
    return message.result as T;
  }

  async function evaluate<T>(targetId: string, expression: string): Promise<T> {
    const result = await send<Evaluated>(targetId, 'Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails) throw new Error(`evaluate failed: ${JSON.stringify(result.exceptionDetails)}`);
    return result.result.value as T;
  }

  return {
    find(match, what) {
      let seen: TargetInfo[] = [];
      return poll(
        async () => {
          const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
          seen = targetInfos;
          for (const target of targetInfos) known.set(target.targetId, target);
          return targetInfos.find((target) => match(target, targetInfos))?.targetId;
        },
        () => `${what} among the browser's targets`,
        timeoutMs,
        () => seen.map(({ type, url, targetId, parentId }) => ({ type, url: url.slice(0, 100), targetId, parentId })),
      );
    },
    send,
    evaluate,
    waitFor<T>(targetId: string, expression: string, what: string, accept: (value: T) => boolean = Boolean) {
      let last: unknown = 'no answer yet';
      return poll(
        async () => {
          last = await evaluate<T>(targetId, expression).catch((error: Error) => error.message);
          return accept(last as T) ? (last as T) : undefined;
        },
        () => `${what} in ${describe(known.get(targetId), targetId)}`,
        timeoutMs,
        () => last,
      );
    },
  };
}
