import { describe, expect, it } from 'vitest';
import type { CDPSession } from '@playwright/test';
import { devtoolsTargets, type TargetInfo } from './devtools-targets.js';

const frontEnd: TargetInfo = { targetId: 'FRONT', type: 'page', title: 'DevTools', url: 'devtools://devtools/bundled/devtools_app.html' };

/** A browser session whose targets are `targets` and whose pages answer every evaluation with `value`. */
function fakeSession(targets: TargetInfo[], value: unknown): CDPSession {
  let onMessage: (event: { message: string }) => void = () => {};
  const session = {
    on(_event: string, listener: typeof onMessage) {
      onMessage = listener;
      return session;
    },
    async send(method: string, params: { message?: string }) {
      if (method === 'Target.getTargets') return { targetInfos: targets };
      if (method === 'Target.attachToTarget') return { sessionId: 'S' };
      const { id } = JSON.parse(params.message!) as { id: number };
      queueMicrotask(() => onMessage({ message: JSON.stringify({ id, result: { result: { value } } }) }));
      return {};
    },
  };
  return session as unknown as CDPSession;
}

describe('DevTools targets', () => {
  it('find fails within its own limit, saying what it looked for and every target it saw', async () => {
    const targets = devtoolsTargets(fakeSession([frontEnd], null), 150);
    const error = await targets.find((target) => target.url.includes('panel.html'), 'the streamscope panel frame').catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^\[streamscope\] DevTools: timed out after 150 ms waiting for the streamscope panel frame among the browser's targets; last seen: /);
    expect((error as Error).message).toContain('"url":"devtools://devtools/bundled/devtools_app.html","targetId":"FRONT"');
  });

  it('waitFor names the target it polled and the last value it read there', async () => {
    const targets = devtoolsTargets(fakeSession([frontEnd], { rows: 0 }), 150);
    await targets.find((target) => target.targetId === 'FRONT', 'the front end');
    const error = await targets.waitFor<{ rows: number }>('FRONT', 'rows', 'two rows', (value) => value.rows === 2).catch((caught: Error) => caught);
    expect((error as Error).message).toBe(
      '[streamscope] DevTools: timed out after 150 ms waiting for two rows in the page devtools://devtools/bundled/devtools_app.html (FRONT); last seen: {"rows":0}',
    );
  });

  it('waitFor returns the first value accepted', async () => {
    const targets = devtoolsTargets(fakeSession([frontEnd], 'complete'), 150);
    expect(await targets.waitFor<string>('FRONT', 'document.readyState', 'the page to load', (value) => value === 'complete')).toBe('complete');
  });
});
