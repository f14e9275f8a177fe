/**
 * Import inside real DevTools: a `.sse` file, a HAR, a decode report and a scenario, dropped on the
 * panel or handed over by its file picker, are listed as imported and judged like captured
 * streams (events, findings, message, timing where the file has it); a bad file gets a line that
 * names it and where it is wrong, and the panel goes on working.
 */
import { expect, test, type Page } from '@playwright/test';
import { builtinScenarios, startMockServer, type MockServer } from '../../mock-server/index.js';
import { decodeStream, encodeChunk, encodeDone, harEntry, harOf } from '../../protocol/index.js';
import { openDemoInDevtools } from './support/demo-in-devtools.js';
import type { DevtoolsBrowser, Panel, PanelRow } from './support/devtools.js';

let server: MockServer;
let devtools: DevtoolsBrowser;
let page: Page;
let panel: Panel;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startMockServer({ port: 0 });
  ({ devtools, page, panel } = await openDemoInDevtools(server.url));
});

test.afterAll(async () => {
  await devtools?.close();
  await server?.close();
});

const base64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');
const reply = (text: string) =>
  encodeChunk({ type: 'start' }) + encodeChunk({ type: 'text-start', id: 't' }) + encodeChunk({ type: 'text-delta', id: 't', delta: text }) + encodeChunk({ type: 'text-end', id: 't' }) + encodeChunk({ type: 'finish' }) + encodeDone();

/** Waits until the list holds `count` rows more than `before`, all ended and judged; returns the new ones. */
async function imported(before: number, count: number, what: string): Promise<PanelRow[]> {
  const rows = await panel.waitForRows(what, (rows) => rows.length === before + count && rows.slice(before).every((row) => row.state !== 'live' && row.settled));
  return rows.slice(before);
}

async function selectedDetail(what: string, accept: Parameters<Panel['waitForDetail']>[1]) {
  await panel.show('message');
  return panel.waitForDetail(what, accept);
}

test('a .sse file dropped on the panel: listed as imported and judged', async () => {
  const sse = reply('Hello from a file') + encodeChunk({ type: 'finish' });
  await panel.importFiles([{ name: 'turn.sse', base64: base64(sse) }], 'drop');
  const [row] = await panel.waitForRows('the .sse file listed and judged', (rows) => rows.length === 1 && rows[0].findings.includes('duplicate-finish'));
  expect(row).toMatchObject({ tag: 'imported', path: 'turn.sse', state: 'finished' });
  await panel.select('turn.sse');
  const detail = await selectedDetail('its message', (detail) => detail.messageText === 'Hello from a file');
  expect(detail.note).toContain('Imported from turn.sse: kept only while this panel is open.');
  // a bare .sse has no request: its bytes can be exported, there is nothing to copy as a request
  expect(await panel.evaluate<[boolean, boolean]>(`[Boolean(document.querySelector('[data-testid=export-HAR]')), Boolean(document.querySelector('[data-testid=export-cURL]'))]`)).toEqual([true, false]);
  await panel.show('findings');
  await panel.waitForDetail('its findings', (detail) => detail.findings.includes('duplicate-finish'));
});

test('a HAR through the file picker: each event-stream entry a stream, with its request and headers', async () => {
  const entry = (prompt: string, text: string) =>
    harEntry({
      method: 'POST',
      url: 'https://chat.example/api/chat',
      requestHeaders: { 'content-type': 'application/json' },
      requestBody: JSON.stringify({ messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: prompt }] }] }),
      status: 200,
      statusText: 'OK',
      responseHeaders: { 'content-type': 'text/event-stream', 'content-encoding': 'gzip' },
      startedAt: Date.now(),
      chunks: [{ bytes: new TextEncoder().encode(text), at: 40 }],
      endedAt: 60,
    });
  const har = harOf([entry('First HAR question', reply('one')), entry('Second HAR question', reply('two'))], { name: 'test', version: '0' });
  const before = (await panel.rows()).length;
  await panel.importFiles([{ name: 'session.har', base64: base64(JSON.stringify(har)) }], 'picker');
  const rows = await panel.waitForRows('both HAR entries listed and judged', (rows) => rows.length === before + 2 && rows.slice(before).every((row) => row.findings.includes('header-problem')));
  expect(rows.slice(before).map((row) => [row.tag, row.text.includes('HAR question')])).toEqual([
    ['imported', true],
    ['imported', true],
  ]);
  await panel.select('Second HAR question');
  await selectedDetail('the second entry\'s message', (detail) => detail.messageText === 'two');
  await panel.show('request');
  const detail = await panel.waitForDetail('its request', (detail) => detail.request.includes('imported from session.har#1'));
  expect(detail.request).toContain('https://chat.example/api/chat');
});

test('a decode report and a scenario: rebuilt into the same events, and the scenario played as the mock server sends it', async () => {
  const source = reply('from a report') + ': heartbeat\n\n';
  const report = await decodeStream(new TextEncoder().encode(source));
  const scenario = builtinScenarios.find((candidate) => candidate.name === 'plain-text')!;
  const before = (await panel.rows()).length;
  await panel.importFiles(
    [
      { name: 'turn.report.json', base64: base64(JSON.stringify(report)) },
      { name: 'plain-text.json', base64: base64(JSON.stringify(scenario)) },
    ],
    'drop',
  );
  const [fromReport, fromScenario] = await imported(before, 2, 'the report and the scenario listed');
  expect(fromReport).toMatchObject({ tag: 'imported', path: 'turn.report.json', events: report.summary.events, state: 'finished' });
  expect(fromScenario).toMatchObject({ tag: 'imported', path: 'plain-text.json', state: 'finished' });
  await panel.select('turn.report.json');
  await selectedDetail('the report\'s message', (detail) => detail.messageText === 'from a report');
  await panel.select('plain-text.json');
  const detail = await selectedDetail('the scenario\'s message', (detail) => detail.messageText.length > 0);
  expect(detail.note).toContain('scenario "plain-text"');
});

test('bad files: each named with what is wrong and where; the panel goes on working', async () => {
  const before = (await panel.rows()).length;
  await panel.importFiles(
    [
      { name: 'broken.json', base64: base64('{\n  "steps": [\n    {"step": }\n  ]\n}') },
      { name: 'not-a.har', base64: base64(JSON.stringify({ log: { entries: [{ request: { method: 'GET' } }] } })) },
      { name: 'bad-step.json', base64: base64(JSON.stringify({ name: 'bad', expect: [], steps: [{ step: 'chunk', chunk: { type: 'nope' } }] })) },
      { name: 'fine.sse', base64: base64(reply('still fine')) },
    ],
    'drop',
  );
  await imported(before, 1, 'the good file listed');
  const problems = await panel.importProblems();
  expect(problems).toEqual([
    expect.stringMatching(/^Not imported: broken\.json: line 3, column 14: not valid JSON/),
    expect.stringMatching(/^Not imported: not-a\.har: not a HAR \(log\.entries\.0\.request\.url: /),
    'Not imported: bad-step.json: $.steps[0].chunk.type: unknown chunk type "nope" (to send it on purpose, use a "raw" step)',
  ]);
  await panel.select('fine.sse');
  await selectedDetail('the good file\'s message', (detail) => detail.messageText === 'still fine');
});
