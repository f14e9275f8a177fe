/**
 * `test` and `expect` of `streamscope/playwright`: Playwright Test with a mock server per worker
 * (`mock`), the streams the page read (`streams`) with matchers on them, and, opt in, Chromium
 * with DevTools open on the streamscope panel (`devtools`).
 */
import { test as base, expect as baseExpect, type BrowserContext, type Page } from '@playwright/test';
import type { ScenarioFile } from '../mock-server/index.js';
import type { StreamLintOptions } from './captured-stream.js';
import { launchDevtools, type DevtoolsBrowser } from './devtools.js';
import { defaultDevtoolsTimeoutMs } from './devtools-targets.js';
import { localNetworkArgs } from './local-network.js';
import { streamMatchers } from './matchers.js';
import { startWorkerMock, type Mock, type WorkerMock } from './mock.js';
import type { Panel } from './panel-view.js';
import { captureStreams, type Streams } from './streams.js';

export type StreamscopeOptions = {
  /** The scenario (name or object) this test's chat requests get; default: what the app asks for, else `plain-text`. */
  scenario: string | ScenarioFile | undefined;
  /** How `streams` are decoded and linted: client version, dialect, stall threshold. */
  lintOptions: StreamLintOptions;
};

export type StreamscopeWorkerOptions = {
  /** A folder of scenario files the worker's mock server serves besides the built-ins. */
  scenariosDir: string | undefined;
};

export type Devtools = {
  readonly context: BrowserContext;
  /** The page DevTools is open on, with the streamscope panel selected. */
  readonly page: Page;
  /** What the panel shows. */
  readonly panel: Panel;
  readonly extensionId: string;
  /** Opens DevTools on another page of `context`, panel selected. */
  openPanel(page: Page): Promise<Panel>;
};

type TestFixtures = { streams: Streams; devtools: Devtools; _streamscopeTest: void };
type WorkerFixtures = { mock: Mock; _streamscopeMock: WorkerMock };

export const test = base.extend<StreamscopeOptions & TestFixtures, StreamscopeWorkerOptions & WorkerFixtures>({
  scenariosDir: [undefined, { scope: 'worker', option: true }],
  scenario: [undefined, { option: true }],
  lintOptions: [{}, { option: true }],

  _streamscopeMock: [
    async ({ scenariosDir }, use) => {
      const mock = await startWorkerMock({ scenariosDir });
      await use(mock);
      await mock.close();
    },
    { scope: 'worker' },
  ],
  mock: [async ({ _streamscopeMock }, use) => use(_streamscopeMock), { scope: 'worker' }],
  // The browser may reach the mock from pages of any origin (see local-network.ts).
  launchOptions: [
    async ({ launchOptions, _streamscopeMock }, use) => use({ ...launchOptions, args: [...(launchOptions.args ?? []), ...localNetworkArgs(_streamscopeMock.port)] }),
    { scope: 'worker' },
  ],
  _streamscopeTest: [
    async ({ _streamscopeMock, scenario }, use) => {
      _streamscopeMock.startTest(scenario);
      await use();
      _streamscopeMock.endTest();
    },
    { auto: true },
  ],

  streams: async ({ context, lintOptions }, use, testInfo) => {
    const streams = await captureStreams(context, lintOptions);
    await use(streams);
    streams.close();
    for (const stream of streams.all()) {
      const name = `stream-${stream.index}`;
      await testInfo.attach(`${name}.sse`, { body: stream.bytes(), contentType: 'text/event-stream' });
      await testInfo.attach(`${name}.report.json`, { body: JSON.stringify(stream.report(), null, 2), contentType: 'application/json' });
    }
  },

  // Its own timeout: opening DevTools takes 15 s, 30 on a loaded machine, none of it the test's time.
  devtools: [
    async ({ launchOptions, headless, channel }, use, testInfo) => {
      // Each wait on DevTools fails with its own message well before the test's bare timeout.
      const timeoutMs = testInfo.timeout > 0 ? Math.min(defaultDevtoolsTimeoutMs, testInfo.timeout / 2) : defaultDevtoolsTimeoutMs;
      const browser: DevtoolsBrowser = await launchDevtools({ executablePath: launchOptions.executablePath, channel, headless, args: launchOptions.args, timeoutMs });
      try {
        const page = browser.context.pages()[0] ?? (await browser.context.newPage());
        const panel = await browser.openPanel(page);
        await use({ context: browser.context, page, panel, extensionId: browser.extensionId, openPanel: browser.openPanel });
      } finally {
        await browser.close();
      }
    },
    { timeout: 120_000 },
  ],
});

export const expect = baseExpect.extend(streamMatchers);
