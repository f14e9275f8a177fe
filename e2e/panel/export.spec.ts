/**
 * Export inside real DevTools, closing the loop from browser to test: a stream the demo page reads
 * from the mock server, exported as `.sse` (the exact bytes), decode report, HAR (read back by
 * `streamscope lint FILE.har`), every listed stream as one HAR (imported back, judged the same),
 * and a scenario that `startMockServer({ scenariosDir })` (what `streamscope serve --scenarios DIR`
 * runs) replays: capturing the replay in DevTools gives the same events. Secrets are redacted in every file
 * unless "include secrets" is ticked, and a new stream starts redacted again. Files are saved by
 * the browser's downloads.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { expandSteps, startMockServer, validateScenario, type MockServer } from '../../mock-server/index.js';
import { decodeReportSchema, harSchema, type DecodeReport } from '../../protocol/index.js';
import { openDemoInDevtools } from './support/demo-in-devtools.js';
import type { DevtoolsBrowser, Panel, PanelRow } from './support/devtools.js';
import { watchDownloads, type Downloads } from './support/downloads.js';

// set-cookie never reaches page script (a forbidden response header): a token header stands for the response's secrets
const secrets = ['Bearer s3cret-token', 'k3y-s3cret', 'reply-t0ken-s3cret'];
const secretReply = {
  name: 'secret-reply',
  expect: [],
  headers: { 'x-auth-token': 'reply-t0ken-s3cret' },
  steps: [
    { step: 'chunk', chunk: { type: 'start' } },
    { step: 'text', text: 'The secret is safe with me.', rate: 40 },
    { step: 'chunk', chunk: { type: 'finish' } },
    { step: 'done' },
  ],
};

let dir: string;
let server: MockServer;
let devtools: DevtoolsBrowser;
let page: Page;
let panel: Panel;
let downloads: Downloads;
/** What the first test saved, for the replay. */
let captured: { scenario: string; report: DecodeReport; events: string[] };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = await mkdtemp(join(tmpdir(), 'streamscope-export-'));
  await mkdir(join(dir, 'scenarios'));
  await mkdir(join(dir, 'downloads'));
  await writeFile(join(dir, 'scenarios', 'secret-reply.json'), JSON.stringify(secretReply));
  server = await startMockServer({ port: 0, scenariosDir: join(dir, 'scenarios') });
  ({ devtools, page, panel } = await openDemoInDevtools(server.url));
  downloads = await watchDownloads(devtools.context, join(dir, 'downloads'));
});

test.afterAll(async () => {
  await devtools?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Posts a chat as the demo's client would, with secret headers, and reads the reply whole. */
async function chat(scenario: string, prompt: string): Promise<void> {
  await page.evaluate(
    ({ scenario, prompt }) =>
      fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer s3cret-token', 'x-api-key': 'k3y-s3cret', 'x-streamscope-scenario': scenario },
        body: JSON.stringify({ id: 'chat-1', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: prompt }] }] }),
      }).then((response) => response.text()),
    { scenario, prompt },
  );
}

async function save(what: Parameters<Panel['exportAs']>[0]): Promise<{ name: string; text: string; path: string }> {
  const next = downloads.next();
  await panel.exportAs(what);
  const { name, path } = await next;
  return { name, path, text: await readFile(path, 'utf8') };
}

/** The bytes the scenario's script sends, as the mock server plays them. */
function scriptedText(scenario: typeof secretReply): string {
  const parsed = validateScenario(scenario, 'secret-reply.json');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  let text = '';
  for (const action of expandSteps(parsed.scenario.steps)) if (action.kind === 'send') text += action.bytes as string;
  return text;
}

const cli = (...args: string[]) => promisify(execFile)(process.execPath, [resolve('dist/cli/main.js'), ...args]);

/** The selected stream's event labels, once every event is listed (the stream is short: all in sight). */
async function selectedEvents(): Promise<string[]> {
  await panel.show('events');
  const { events } = await panel.waitForDetail('the event count', (detail) => (detail.events ?? 0) > 0);
  return (await panel.waitForEvents(`all ${events} events`, (rows) => rows.length === events)).map((event) => event.label);
}

test('a stream exported as .sse, report, HAR and scenario: exact bytes, secrets redacted unless revealed', async () => {
  await chat('secret-reply', 'Tell me a secret');
  await panel.waitForRows('the secret reply, finished', (rows) => rows.length === 1 && rows[0].state === 'finished' && rows[0].settled);
  await panel.select('Tell me a secret');
  const events = await selectedEvents();
  expect(events.length).toBeGreaterThan(5);

  const sse = await save('.sse');
  expect(sse.name).toMatch(/\.sse$/);
  expect(sse.text).toBe(scriptedText(secretReply));

  const report = decodeReportSchema.parse(JSON.parse((await save('report')).text)) as DecodeReport;
  expect(report.events.map((event) => event.type ?? event.kind)).toEqual(events.map((label) => (label === '[DONE]' ? 'done' : label)));
  expect(report.findings).toEqual([]);

  const har = await save('HAR');
  expect(har.name).toMatch(/\.har$/);
  const [entry] = harSchema.parse(JSON.parse(har.text)).log.entries;
  expect(entry.request).toMatchObject({ method: 'POST', url: `${server.url}/api/chat` });
  expect(entry.request.headers).toEqual(expect.arrayContaining([{ name: 'authorization', value: '[redacted]' }, { name: 'x-api-key', value: '[redacted]' }]));
  expect(entry.response.headers).toContainEqual({ name: 'x-auth-token', value: '[redacted]' });
  expect(entry.response.content.text).toBe(sse.text);
  expect(entry.timings.wait).toBeGreaterThanOrEqual(0);
  expect(entry.timings.receive).toBeGreaterThan(0);
  for (const secret of secrets) expect(har.text).not.toContain(secret);
  const lint = JSON.parse((await cli('lint', har.path, '--format', 'json')).stdout) as { files: { file: string; findings: unknown[] }[] };
  expect(lint.files).toEqual([{ file: `${har.path}#0 POST ${server.url}/api/chat`, findings: [] }]);

  const scenario = await save('scenario');
  expect(JSON.parse(scenario.text)).toMatchObject({ name: 'captured-api-chat', status: 200, headers: { 'x-auth-token': '[redacted]' } });
  for (const secret of secrets) expect(scenario.text).not.toContain(secret);
  captured = { scenario: scenario.text, report, events };

  await panel.setIncludeSecrets(true);
  const revealed = await save('HAR');
  for (const secret of secrets) expect(revealed.text).toContain(secret);
  await panel.setIncludeSecrets(false);
});

test('all as HAR: every listed stream in one file, redacted; a newly selected stream starts redacted', async () => {
  await panel.setIncludeSecrets(true);
  await chat('plain-text', 'Say hello');
  await panel.waitForRows('two streams, both finished', (rows) => rows.length === 2 && rows.every((row) => row.state === 'finished' && row.settled));
  await panel.select('Say hello');
  expect(await panel.evaluate<boolean>(`document.querySelector('[data-testid=export-reveal]').checked`)).toBe(false);
  const all = await save('all as HAR');
  const har = harSchema.parse(JSON.parse(all.text));
  expect(har.log.entries.map((entry) => [entry.request.url, entry.response.headers.find((header) => header.name === 'x-streamscope-scenario')?.value])).toEqual([
    [`${server.url}/api/chat`, 'secret-reply'],
    [`${server.url}/api/chat`, 'plain-text'],
  ]);
  for (const secret of secrets) expect(all.text).not.toContain(secret);
  const lint = JSON.parse((await cli('lint', all.path, '--format', 'json')).stdout) as { files: { file: string }[] };
  expect(lint.files.map((file) => file.file)).toEqual([`${all.path}#0 POST ${server.url}/api/chat`, `${all.path}#1 POST ${server.url}/api/chat`]);

  // imported back: each entry, its body in the pieces it arrived in, judged as the capture was
  await panel.importFiles([{ name: all.name, base64: Buffer.from(all.text).toString('base64') }], 'drop');
  const rows = await panel.waitForRows('the HAR imported back', (rows) => rows.length === 4 && rows.slice(2).every((row) => row.settled && row.tag === 'imported'));
  const verdict = (row: PanelRow) => [row.events, row.state, row.findings];
  expect(rows.slice(2).map(verdict)).toEqual(rows.slice(0, 2).map(verdict));
});

test('the exported scenario, served by the mock server and captured again in DevTools, gives the same events', async () => {
  const replayDir = join(dir, 'replay');
  await mkdir(replayDir);
  await writeFile(join(replayDir, 'captured.json'), captured.scenario);
  const replay = await startMockServer({ port: 0, scenariosDir: replayDir });
  try {
    // a navigation clears the captured streams (preserve log is off); the imported ones stay
    await page.goto(`${replay.url}/`);
    await panel.waitForRows('captured streams cleared by the navigation', (rows) => rows.length === 2 && rows.every((row) => row.tag === 'imported'));
    await chat('captured-api-chat', 'Tell me a secret again');
    await panel.waitForRows('the replay, finished', (rows) => rows.length === 3 && rows[2].tag === null && rows[2].state === 'finished' && rows[2].settled);
    await panel.select('Tell me a secret again');
    expect(await selectedEvents()).toEqual(captured.events);
    const again = decodeReportSchema.parse(JSON.parse((await save('report')).text));
    expect(again.events.map((event) => [event.kind, event.type, event.raw])).toEqual(captured.report.events.map((event) => [event.kind, event.type, event.raw]));
    expect(again.findings).toEqual(captured.report.findings);
    expect(again.message).toEqual(captured.report.message);
  } finally {
    await replay.close();
  }
});
