/**
 * The Firefox build in a real Firefox (Debian's firefox-esr, headless, over WebDriver BiDi),
 * installed as a temporary add-on: a page streams mock-server scenarios by `fetch` read through
 * `pipeThrough`, by `EventSource` and by XHR, and the pop-out panel lists each with the findings
 * its scenario expects and the message the client rebuilds. What README's support table says of
 * Firefox comes from here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { builtinScenarios } from '../../mock-server/scenarios/builtins.js';
import { startMockServer, type MockServer } from '../../mock-server/transports/http-server.js';
import { ensureFirefox, launchFirefoxWithExtension, type FirefoxWithExtension } from '../support/firefox.js';

const root = join(import.meta.dirname, '../..');
const extensionDir = join(root, 'dist/extension-firefox');

/** The Firefox build, made when missing (`npm test` builds it first; it copies the Chrome build's content scripts). */
function ensureFirefoxBuild(): void {
  if (existsSync(join(extensionDir, 'manifest.json'))) return;
  execFileSync('npm', ['run', 'build:extension'], { cwd: root, stdio: 'inherit' });
  execFileSync('npm', ['run', 'build:extension-firefox'], { cwd: root, stdio: 'inherit' });
}

/** How the page reads each scenario, and the path the panel lists it under. */
const streams = [
  { via: 'fetch', scenario: 'tool-multistep', path: '/api/chat?scenario=tool-multistep' },
  { via: 'eventsource', scenario: 'duplicate-finish', path: '/sse/duplicate-finish' },
  { via: 'xhr', scenario: 'unknown-chunk-type', path: '/api/chat?scenario=unknown-chunk-type' },
] as const;

function scenario(name: string) {
  const found = builtinScenarios.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no built-in scenario ${name}`);
  return found;
}

/** The text parts a scenario's `text` steps stream. */
function scenarioText(name: string): string[] {
  return scenario(name).steps.flatMap((step) => (step.step === 'text' ? [step.text] : []));
}

let mock: MockServer;
let firefox: FirefoxWithExtension;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  // apt-get may install Firefox first
  test.setTimeout(600_000);
  ensureFirefox();
  ensureFirefoxBuild();
  mock = await startMockServer({ port: 0 });
  firefox = await launchFirefoxWithExtension(extensionDir);
});

test.afterAll(async () => {
  await firefox?.close();
  await mock?.close();
});

/** Selects the stream listed under `path`, then reads its findings' codes and its message's text. */
async function streamView(panel: Page, path: string): Promise<{ codes: string[]; message: string }> {
  const clickTab = (name: string) =>
    panel.evaluate((name) => [...document.querySelectorAll<HTMLElement>('[role=tab]')].find((tab) => tab.textContent?.includes(name))?.click(), name);
  await panel.evaluate((path) => [...document.querySelectorAll<HTMLElement>('[data-testid=stream-row]')].find((row) => row.textContent?.includes(path))!.click(), path);
  await clickTab('Findings');
  await panel.waitForFunction(() => document.querySelector('[data-testid=findings]') !== null);
  const codes = await panel.evaluate(() => [...document.querySelectorAll('[data-testid=finding] .finding-code')].map((code) => code.textContent ?? ''));
  await clickTab('Message');
  await panel.waitForFunction(() => document.querySelector('[data-testid=message]') !== null);
  const message = await panel.evaluate(() => document.querySelector('[data-testid=message]')!.textContent ?? '');
  return { codes, message };
}

test('a page streams by fetch + pipeThrough, EventSource and XHR; the pop-out panel lists each with its findings and message', async () => {
  const [tab] = await firefox.browser.pages();
  // the mock server's own page: a cross-origin page could not read the response headers the
  // panel judges (only CORS-exposed ones reach the page's script, and so the hook)
  await tab.goto(`${mock.url}/`);
  const read = await tab.evaluate(
    async (base, streams) => {
      const viaFetch = async (path: string) => {
        const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messages":[]}' });
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        let text = '';
        for (let part = await reader.read(); !part.done; part = await reader.read()) text += part.value;
        return text.length;
      };
      const viaEventSource = (path: string) =>
        new Promise<number>((resolve) => {
          const source = new EventSource(base + path);
          let events = 0;
          source.onmessage = () => events++;
          // the stream's end shows as an error (EventSource would reconnect): stop there
          source.onerror = () => {
            source.close();
            resolve(events);
          };
        });
      const viaXhr = (path: string) =>
        new Promise<number>((resolve, reject) => {
          const xhr = new XMLHttpRequest();
          xhr.open('POST', base + path);
          xhr.setRequestHeader('content-type', 'application/json');
          xhr.onload = () => resolve(xhr.responseText.length);
          xhr.onerror = () => reject(new Error(`XHR ${path} failed`));
          xhr.send('{"messages":[]}');
        });
      const readers = { fetch: viaFetch, eventsource: viaEventSource, xhr: viaXhr };
      return Promise.all(streams.map(({ via, path }) => readers[via](path)));
    },
    mock.url,
    streams,
  );
  expect(read.every((amount) => amount > 0), `read ${read.join(', ')}`).toBe(true);

  const panel = await firefox.openPanel(tab.url());
  await panel.waitForFunction((count) => document.querySelectorAll('[data-testid=stream-row]').length === count, {}, streams.length);
  for (const { via, scenario: name, path } of streams) {
    const view = await streamView(panel, path);
    expect(view.codes.sort(), `${via} ${path}: findings`).toEqual([...scenario(name).expect].sort());
    for (const text of scenarioText(name)) expect(view.message, `${via} ${path}: message`).toContain(text);
  }
});
