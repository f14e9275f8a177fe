/**
 * The panel's views inside real DevTools: search marks its matches in the events list and the
 * inspector (as text, never markup) and finds words split across deltas in the rebuilt text; the
 * Timing tab's axis, lanes, shaded steps and stalls, time to first byte from the request sent, a
 * stall's text while it lasts and once it ended, and stalls and gaps that jump to their event; the
 * theme follows DevTools' own when the user switches it.
 */
import { expect, test } from '@playwright/test';
import { devtoolsTargets } from '../../playwright/devtools-targets.js';
import { openDemoChatPanel, type DemoChatPanel } from './support/demo-chat-panel.js';
import { changeSetting } from './support/devtools.js';
import { startStream } from './support/fixtures.js';

let demo: DemoChatPanel;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  demo = await openDemoChatPanel();
});

test.afterAll(async () => {
  await demo?.close();
});

const press = (key: string) => demo.panel.evaluate(`document.dispatchEvent(new KeyboardEvent('keydown', { key: '${key}', bubbles: true })), true`);

/** Posts a chat to `/api/chat?case=NAME` (the row's path tells the cases apart) without waiting for it. */
const chat = (name: string, scenario: string) => startStream(demo.page, `${demo.server.base}/api/chat?case=${name}`, scenario);

async function openEnded(name: string): Promise<void> {
  await demo.panel.waitForRows(`the ${name} chat, finished`, (rows) => rows.some((row) => row.path.includes(`case=${name}`) && row.state === 'finished'));
  await demo.panel.select(`case=${name}`);
}

type Marks = { rows: string[]; marks: string[][]; payloads: string[]; hits: string[]; markup: number };

const readEvents = `(() => {
  const rows = [...document.querySelectorAll('[data-testid=event-row]')];
  return {
    rows: rows.map((row) => row.querySelector('.col-index').textContent),
    marks: rows.map((row) => [...row.querySelectorAll('mark')].map((mark) => mark.textContent)),
    payloads: rows.map((row) => row.querySelector('.col-payload').textContent),
    hits: [...document.querySelectorAll('[data-testid=text-hit]')].map((hit) => hit.textContent),
    markup: document.querySelectorAll('#root b').length,
  };
})()`;

const readInspector = `(() => {
  const inspector = document.querySelector('[data-testid=event-inspector]');
  return inspector && {
    title: inspector.querySelector('.inspector-title').textContent,
    raw: [...inspector.querySelectorAll('[data-testid=event-raw] mark')].map((mark) => mark.textContent),
    json: [...inspector.querySelectorAll('[data-testid=event-json] mark')].map((mark) => mark.textContent),
  };
})()`;

type Inspector = { title: string; raw: string[]; json: string[] } | null;

test('search marks its matches in the events list and the inspector, and stream markup stays text', async () => {
  await chat('split', 'split-words');
  await openEnded('split');
  await demo.panel.show('events');
  await demo.panel.searchEvents('world');
  const found = await demo.panel.waitFor<Marks>(readEvents, 'only the event with "world"', (view) => view.rows.length === 1);
  expect(found.rows).toEqual(['4']);
  expect(found.marks).toEqual([['world']]);
  expect(found.payloads[0]).toContain('the <b>world</b>');
  expect(found.markup).toBe(0);

  await demo.panel.evaluate(`document.querySelector('[data-testid=event-row]').click(), true`);
  const inspector = await demo.panel.waitFor<Inspector>(readInspector, 'the inspector of event 4', (value) => value !== null && value.title.startsWith('Event 4'));
  expect(inspector!.raw).toEqual(['world']);
  expect(inspector!.json).toEqual(['world']);
  expect(await demo.panel.evaluate<number>(`document.querySelectorAll('#root b').length`)).toBe(0);
});

test('searching the rebuilt text finds a word split across deltas and leads to the deltas that hold it', async () => {
  await demo.panel.searchEvents('hello');
  const found = await demo.panel.waitFor<Marks>(readEvents, 'the two deltas holding "hello"', (view) => view.rows.length === 2);
  expect(found.rows).toEqual(['2', '3']);
  expect(found.marks).toEqual([['hel'], ['lo']]);
  expect(found.hits).toHaveLength(1);
  expect(found.hits[0]).toContain('Say hello to the');
  expect(found.hits[0]).toContain('#2–#3');

  await demo.panel.evaluate(`document.querySelector('[data-testid=text-hit]').click(), true`);
  const inspector = await demo.panel.waitFor<Inspector>(readInspector, 'the inspector of event 2', (value) => value !== null && value.title.startsWith('Event 2'));
  expect(inspector!.raw).toEqual(['hel']);
  expect(inspector!.json).toEqual(['hel']);

  // the Message view marks it whole in the text the client rebuilt
  await press('3');
  const marked = await demo.panel.waitFor<string[]>(`[...document.querySelectorAll('[data-testid=message] [data-testid=part-text] mark')].map((mark) => mark.textContent)`, 'the match in the message', (value) => Array.isArray(value) && value.length > 0);
  expect(marked).toEqual(['hello']);
  await press('1');
  await demo.panel.searchEvents('');
});

type TimingRead = {
  firstByte: string;
  firstChunk: string;
  stalls: string[];
  ticks: { label: string; left: number }[];
  chunks: number;
  heartbeats: number;
  steps: number;
  stallRegions: number;
  wait: boolean;
  legend: string;
};

const readTiming = `(() => {
  const view = document.querySelector('[data-testid=timing]');
  if (!view || !view.querySelector('[data-testid=timeline]')) return null;
  const value = (id) => view.querySelector('[data-testid=' + id + '] .stat-value').textContent;
  return {
    firstByte: value('timing-first-byte'),
    firstChunk: value('timing-first-chunk'),
    stalls: [...view.querySelectorAll('[data-testid=stall-text]')].map((line) => line.textContent),
    ticks: [...view.querySelectorAll('[data-testid=timeline-tick]')].map((tick) => ({ label: tick.textContent, left: tick.getBoundingClientRect().left })),
    chunks: view.querySelectorAll('[data-testid=timeline-chunks] .tl-chunk').length,
    heartbeats: view.querySelectorAll('[data-testid=timeline-heartbeats] .tl-heartbeat').length,
    steps: view.querySelectorAll('[data-testid=timeline-step]').length,
    stallRegions: view.querySelectorAll('[data-testid=timeline-stall]').length,
    wait: Boolean(view.querySelector('[data-testid=timeline-wait]')),
    legend: view.querySelector('[data-testid=timeline-legend]').textContent,
  };
})()`;

/** Milliseconds of `12 ms`, `1.25 s`. */
function ms(text: string): number {
  const [, value, unit] = /^([\d.]+) (ms|s)$/.exec(text) ?? [];
  expect(value, `a duration: "${text}"`).toBeDefined();
  return Number(value) * (unit === 's' ? 1000 : 1);
}

const stallSeconds = (line: string) => Number(/^Stalled ([\d.]+) s/.exec(line)?.[1] ?? Number.NaN);

test('the Timing tab: first byte from the request sent, a stall that grows while live and is final once ended, axis, lanes, steps and stalls', async () => {
  await changeSetting(demo.panel, 'setting-stall', '1000');
  await chat('timing', demo.server.scenario('stepped-stall', { headersDelayMs: 300, hold: 'timing-1' }));
  await demo.panel.waitForRows('the timing chat, live', (rows) => rows.some((row) => row.path.includes('case=timing')));
  await demo.panel.select('case=timing');
  await press('4');

  // held before its last part: the trailing stall grows while the stream is live
  const waiting = (timing: TimingRead | null) => timing?.stalls.find((line) => line.includes('after event #10, still waiting'));
  const first = await demo.panel.waitFor<TimingRead | null>(readTiming, 'a stall still waiting', (timing) => stallSeconds(waiting(timing) ?? '') >= 1);
  const firstLength = stallSeconds(waiting(first)!);
  await demo.panel.waitFor<TimingRead | null>(readTiming, `the stall longer than ${firstLength} s`, (timing) => stallSeconds(waiting(timing) ?? '') > firstLength);

  demo.server.release('timing-1');
  await openEnded('timing');
  // a machine under load may stretch another gap past the threshold: the two stalls are found by their events
  const ended = (value: TimingRead | null, events: string) => value?.stalls.find((line) => line.includes(`between event ${events}`));
  const timing = (await demo.panel.waitFor<TimingRead | null>(readTiming, 'the timing of the ended stream', (value) => Boolean(ended(value, '#10 and #11')) && !value!.stalls.some((line) => line.includes('still waiting'))))!;
  expect(ended(timing, '#3 and #5')).toMatch(/^Stalled [\d.]+ s between event #3 and #5; 1 heartbeat meanwhile, which do not end it$/);
  expect(stallSeconds(ended(timing, '#3 and #5')!)).toBeGreaterThan(1);
  expect(ended(timing, '#10 and #11')).toMatch(/^Stalled [\d.]+ s between event #10 and #11$/);
  expect(stallSeconds(ended(timing, '#10 and #11')!)).toBeGreaterThan(firstLength);

  expect(ms(timing.firstByte)).toBeGreaterThanOrEqual(300);
  expect(ms(timing.firstChunk)).toBeGreaterThanOrEqual(ms(timing.firstByte));
  expect(timing.wait).toBe(true);

  expect(timing.ticks.length).toBeGreaterThanOrEqual(3);
  expect(timing.ticks[0].label).toBe('0');
  for (const tick of timing.ticks.slice(1)) expect(tick.label).toMatch(/^(\d+ ms|\d+(\.\d+)? s|\d+ min( \d+ s)?)$/);
  const lefts = timing.ticks.map((tick) => tick.left);
  expect([...lefts].sort((a, b) => a - b)).toEqual(lefts);

  expect(timing.chunks).toBeGreaterThanOrEqual(2);
  expect(timing.heartbeats).toBe(1);
  expect(timing.steps).toBe(2);
  expect(timing.stallRegions).toBeGreaterThanOrEqual(2);
  for (const key of ['chunk', 'heartbeat', 'step', 'stall', 'waiting for the response']) expect(timing.legend).toContain(key);

  // the ended stall's finding states its real length, no longer "still waiting"
  await press('2');
  const stallFindings = await demo.panel.waitFor<string[]>(
    `[...document.querySelectorAll('[data-testid=finding]')].map((finding) => finding.textContent).filter((text) => text.includes('stall'))`,
    'the stall findings',
    (value) => Array.isArray(value) && value.length >= 2,
  );
  expect(stallFindings.every((text) => !text.includes('still waiting'))).toBe(true);
});

test('a stall in the chart and a gap in the table jump to their event in the Events view, shown even where the search hides its row', async () => {
  const inspectorOf = (index: number) =>
    demo.panel.waitFor<Inspector>(readInspector, `the Events view showing event ${index}`, (value) => value !== null && value.title.startsWith(`Event ${index}`));
  await press('4');
  await demo.panel.waitFor<boolean>(`(() => { const stall = document.querySelector('[data-testid=timeline-stall]'); stall?.click(); return Boolean(stall); })()`, 'a stall in the chart');
  await inspectorOf(5);
  expect(await demo.panel.evaluate<string>(`document.querySelector('.tab.active').textContent`)).toContain('Events');

  // a search that hides the event's row does not hide the event opened from a gap
  await demo.panel.searchEvents('Thinking');
  await demo.panel.waitFor<Marks>(readEvents, 'only the "Thinking" delta', (view) => view.rows.length === 1);
  await press('4');
  await demo.panel.waitFor<boolean>(
    `(() => { const jump = [...document.querySelectorAll('[data-testid=gap-row] [data-testid=gap-jump]')].find((link) => link.textContent === '#11'); jump?.click(); return Boolean(jump); })()`,
    'the gap ended by event #11 in the table',
  );
  await inspectorOf(11);
  await demo.panel.searchEvents('');
});

test("the panel follows DevTools' theme when the user switches it", async () => {
  const session = await demo.devtools.context.browser()!.newBrowserCDPSession();
  try {
    const targets = devtoolsTargets(session, 30_000);
    const frontEnd = await targets.find((target) => target.type === 'page' && target.url.startsWith('devtools://'), "DevTools' front end");
    const setTheme = (theme: 'dark' | 'default') =>
      targets.evaluate(frontEnd, `import('./core/common/common.js').then((common) => (common.Settings.Settings.instance().moduleSetting('ui-theme').set('${theme}'), true))`);
    const panelTheme = () => demo.panel.evaluate<string>('document.documentElement.dataset.theme');
    await setTheme('dark');
    await demo.panel.waitFor<string>('document.documentElement.dataset.theme', 'the panel dark', (theme) => theme === 'dark');
    await setTheme('default');
    await demo.panel.waitFor<string>('document.documentElement.dataset.theme', 'the panel light again', (theme) => theme === 'light');
    expect(await panelTheme()).toBe('light');
  } finally {
    await session.detach();
  }
});
