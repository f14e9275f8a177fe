/**
 * Hostile streams inside real DevTools, served by the mock server from scenarios built here: markup
 * and script in every field (chunks, SSE `event:`/`id:` lines, comments, headers, the prompt), a
 * `javascript:` source and file url, a 10 MB delta, JSON nested 10,000 deep and 100,000 tool calls.
 * They render as text only — no element, handler or `javascript:` link comes from them, and no script
 * of theirs runs — and while they decode the panel keeps answering: selecting another stream and
 * switching views gets painted (each step waits for the condition, then a frame; nothing is timed).
 */
import { expect, test } from '@playwright/test';
import type { Panel } from './support/devtools.js';
import { openMockDevtools, type MockDevtools } from './support/mock-devtools.js';

let mock: MockDevtools;
let panel: Panel;

const script = '<script>window.pwned = "script"</script>';
const img = '<img src=x onerror="window.pwned = \'img\'">';
const markup = `${script}${img}<a href="javascript:window.pwned='link'">click</a>`;
const jsUrl = "javascript:window.pwned='source'";
const toolCalls = 100_000;
const depth = 10_000;

const chunk = (value: unknown) => ({ step: 'chunk', chunk: value });
/** A stream of `steps` between `start` and `finish`, then `[DONE]`. */
const framed = (...steps: object[]) => ({ expect: [], steps: [chunk({ type: 'start' }), ...steps, chunk({ type: 'finish' }), { step: 'done' }] });

const scenarios = {
  'hostile-markup': {
    expect: [],
    headers: { 'x-hostile': markup },
    steps: [
      chunk({ type: 'start', messageId: markup, messageMetadata: { [markup]: markup } }),
      chunk({ type: 'text-start', id: markup }),
      chunk({ type: 'text-delta', id: markup, delta: markup }),
      chunk({ type: 'text-end', id: markup }),
      chunk({ type: 'reasoning-start', id: 'r' }),
      chunk({ type: 'reasoning-delta', id: 'r', delta: markup }),
      chunk({ type: 'reasoning-end', id: 'r' }),
      chunk({ type: 'tool-input-available', toolCallId: markup, toolName: markup, input: { [markup]: markup } }),
      chunk({ type: 'tool-output-available', toolCallId: markup, output: { [markup]: [markup] } }),
      chunk({ type: 'source-url', sourceId: markup, url: jsUrl, title: markup }),
      chunk({ type: 'file', url: jsUrl, mediaType: 'text/html' }),
      chunk({ type: 'data-markup', id: markup, data: { [markup]: markup } }),
      { step: 'comment', text: markup },
      { step: 'raw', data: `event: ${markup}\nid: ${img}\ndata: {"type":${JSON.stringify(markup)}}\n\n` },
      { step: 'raw', data: `data: ${markup}\n\n` },
      chunk({ type: 'error', errorText: markup }),
      chunk({ type: 'finish' }),
      { step: 'done' },
    ],
  },
  'hostile-big-delta': framed({ step: 'text', text: 'x'.repeat(1024), repeat: 10 * 1024 }),
  'hostile-deep': framed({ step: 'raw', data: `data: {"type":"data-deep","data":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}\n\n` }),
  'hostile-tools': framed({
    step: 'raw',
    data: Array.from({ length: toolCalls }, (_, n) => `data: {"type":"tool-input-available","toolCallId":"c${n}","toolName":"t","input":{"n":${n}}}\n\n`).join(''),
  }),
  calm: framed({ step: 'text', text: 'calm' }),
};

/** Events each stream sends, as the panel counts them once decoded. */
const finalEvents: Record<string, number> = {
  markup: 18,
  'big-delta': 6,
  deep: 4,
  tools: toolCalls + 3,
};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  mock = await openMockDevtools(scenarios);
  panel = mock.panel;
});

test.afterAll(async () => {
  await mock?.close();
});

const chat = (scenario: string, prompt: string, query: string) => mock.chat(scenario, prompt, query);

/**
 * Selects the stream whose URL has `query` and switches to view `key`, then resolves once the
 * detail shows both and a frame was painted after it. A panel whose UI thread is blocked answers
 * nothing, and the evaluation fails.
 */
const selectAndPaint = (query: string, key: string, tab: string) =>
  panel.evaluate<boolean>(`new Promise((resolve) => {
    const row = [...document.querySelectorAll('[data-testid=stream-row]')].find((row) => row.title.includes(${JSON.stringify(query)}));
    if (!row) return resolve(false);
    row.click();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(key)}, bubbles: true }));
    const shown = () =>
      document.querySelector('[data-testid=detail-header]')?.textContent.includes(${JSON.stringify(query)}) &&
      document.querySelector('.tab.active')?.textContent.toLowerCase().startsWith(${JSON.stringify(tab)});
    const poll = () => (shown() ? requestAnimationFrame(() => resolve(true)) : requestAnimationFrame(poll));
    poll();
  })`);

/** Elements, handlers and links the panel's own markup never has: any is a stream's markup rendered as HTML. */
const foreignMarkup = () =>
  panel.evaluate<string[]>(`(() => {
    const root = document.getElementById('root');
    const found = [...root.querySelectorAll('script, iframe, img, svg, object, embed, style, link, form:not(.budget-settings)')].map((element) => element.outerHTML.slice(0, 80));
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(element.tagName + ' ' + attribute.name);
        if (/^\\s*javascript:/i.test(attribute.value) && attribute.name !== 'title') found.push(element.tagName + ' ' + attribute.name + '=' + attribute.value);
      }
    }
    if (window.pwned !== undefined) found.push('window.pwned = ' + window.pwned);
    return found;
  })()`);

test('hostile streams render as text only, and the panel answers input while they decode', async () => {
  test.setTimeout(120_000);
  await chat('calm', 'calm one', '?calm=one');
  await chat('calm', 'calm two', '?calm=two');
  await panel.waitForRows('the calm streams', (rows) => rows.filter((row) => row.state === 'finished').length === 2);

  await chat('hostile-markup', markup, '?hostile=markup');
  await chat('hostile-big-delta', 'a 10 MB delta', '?hostile=big-delta');
  await chat('hostile-deep', 'JSON nested 10,000 deep', '?hostile=deep');
  await chat('hostile-tools', '100,000 tool calls', '?hostile=tools');

  /** Every hostile stream ended and decoded to its last event. */
  const decoded = (rows: { path: string; events: number; state: string }[]) =>
    Object.entries(finalEvents).every(([name, events]) => rows.some((row) => row.path.includes(`hostile=${name}`) && !['live', 'stuck'].includes(row.state) && row.events === events));

  // Until every hostile stream is decoded, keep selecting a calm stream and switching views.
  let answeredWhileDecoding = 0;
  for (let turn = 0; ; turn++) {
    if (decoded(await panel.rows())) break;
    const [query, key, tab] = turn % 2 === 0 ? ['calm=one', '2', 'findings'] : ['calm=two', '1', 'events'];
    expect(await selectAndPaint(query, key, tab)).toBe(true);
    if (!decoded(await panel.rows())) answeredWhileDecoding++;
  }
  expect(answeredWhileDecoding).toBeGreaterThan(0);

  // the markup stream in every view: its text is there, as text
  for (const [key, tab] of [['1', 'events'], ['2', 'findings'], ['3', 'message'], ['5', 'request']] as const) {
    expect(await selectAndPaint('hostile=markup', key, tab)).toBe(true);
    const text = await panel.waitFor<string>(`document.querySelector('.detail-body')?.textContent ?? ''`, `the markup as text in the ${tab} view`, (text) => text.includes(tab === 'findings' ? 'error-chunk' : script));
    if (tab === 'message') expect(text).toContain(jsUrl);
    expect(await foreignMarkup()).toEqual([]);
  }
  // the prompt in the list, and an event inspected whole
  expect(await panel.evaluate<string>(`[...document.querySelectorAll('[data-testid=stream-prompt]')].map((prompt) => prompt.textContent).join('\\n')`)).toContain(markup);
  expect(await selectAndPaint('hostile=markup', '1', 'events')).toBe(true);
  await panel.evaluate(`[...document.querySelectorAll('[data-testid=event-row]')].find((row) => row.textContent.includes('source-url')).click(), true`);
  await panel.waitFor<boolean>(`Boolean(document.querySelector('[data-testid=event-inspector]')?.textContent.includes(${JSON.stringify(jsUrl)}))`, 'the source-url event inspected');
  expect(await foreignMarkup()).toEqual([]);

  // the heavy ones open at once: the 10 MB delta cut in its row, the deep JSON inspected lazily, 100,000 rows virtualized
  expect(await selectAndPaint('hostile=big-delta', '1', 'events')).toBe(true);
  const deltaRow = await panel.waitFor<string>(`[...document.querySelectorAll('[data-testid=event-row]')].find((row) => row.textContent.includes('text-delta'))?.textContent ?? ''`, 'the 10 MB delta row', Boolean);
  expect(deltaRow.length).toBeLessThan(400);
  expect(await selectAndPaint('hostile=deep', '1', 'events')).toBe(true);
  await panel.evaluate(`[...document.querySelectorAll('[data-testid=event-row]')].find((row) => row.textContent.includes('data-deep')).click(), true`);
  // too deep for structured clone, the parsed chunk stays in the worker: the inspector shows the raw frame, cut
  const inspected = await panel.waitFor<string>(`document.querySelector('[data-testid=event-inspector]')?.textContent ?? ''`, 'the deep event inspected', (text) => text.includes('data-deep'));
  expect(inspected).toContain('{"a":{"a":{"a":');
  expect(inspected.length).toBeLessThan(10_000);
  expect(await selectAndPaint('hostile=tools', '1', 'events')).toBe(true);
  const toolRows = await panel.waitFor<number>(`document.querySelectorAll('[data-testid=event-row]').length`, 'the tool-call rows', (count) => count > 0);
  expect(toolRows).toBeLessThan(500);
  expect(await foreignMarkup()).toEqual([]);
});
