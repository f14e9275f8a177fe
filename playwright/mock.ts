/**
 * The `mock` fixture: a real streamscope mock server for the worker, and routes that send a page's
 * chat requests to it with `route.continue`, so responses stream with their scripted timing
 * (`route.fulfill` takes a whole body). Which scenario a request gets is this test's choice,
 * carried in the `x-streamscope-scenario` header the route sets.
 */
import type { BrowserContext, Page, Route } from '@playwright/test';
import { scenarioHeader, startMockServer, type MockServer, type ScenarioFile } from '../mock-server/index.js';
import { isLocalNetworkBlock, localNetworkProblem } from './local-network.js';

export type Mock = {
  /** The mock server's origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /**
   * Sends the page's (or context's) requests matching `pattern` — and the resume
   * (`…/:id/stream`) and stop (`…/:id/stop`) requests under them — to the mock server.
   */
  route(target: Page | BrowserContext, pattern?: string): Promise<void>;
  /** What this test's next chat requests get: a scenario's name, or a scenario object (served from now on). Returns its name. */
  useScenario(scenario: string | ScenarioFile): string;
  /** Resolves once a stream reached the scenario step `{ "step": "hold", "name": name }`. */
  held(name: string): Promise<void>;
  /** Lets every stream parked at the hold `name` go on; returns how many. */
  release(name: string): number;
  /** What went wrong reaching the mock in this test (for example Local Network Access), in words. */
  problems(): string[];
};

export type WorkerMock = Mock & {
  /** A test starts: its default scenario (none: what the app asks for, else the server's default). */
  startTest(scenario: string | ScenarioFile | undefined): void;
  endTest(): void;
  readonly port: number;
  close(): Promise<void>;
};

export type WorkerMockOptions = { scenariosDir?: string };

/** The mock endpoint a page request goes to: the chat endpoint, or its resume/stop under it. */
function mockPath(url: URL, kind: 'chat' | 'stream' | 'stop'): string {
  if (kind === 'chat') return '/api/chat';
  const id = url.pathname.split('/').at(-2) ?? '';
  return `/api/chat/${id}/${kind}`;
}

/** Pages of any origin call it (through `route`): the app under test may be served from anywhere. */
export async function startWorkerMock(options: WorkerMockOptions): Promise<WorkerMock> {
  const server: MockServer = await startMockServer({ port: 0, scenariosDir: options.scenariosDir, cors: ['*'] });
  const registry = server.context.registry;
  let current: string | undefined;
  let problems: string[] = [];

  function useScenario(scenario: string | ScenarioFile): string {
    if (typeof scenario !== 'string') return (current = server.addScenario(scenario));
    if (!registry.get(scenario)) {
      const known = registry.list().map((entry) => entry.scenario.name);
      throw new Error(`[streamscope] useScenario: unknown scenario "${scenario}"; known: ${known.join(', ')}`);
    }
    return (current = scenario);
  }

  async function forward(route: Route, kind: 'chat' | 'stream' | 'stop'): Promise<void> {
    const request = route.request();
    const from = new URL(request.url());
    if (from.protocol !== 'http:') {
      problems.push(`[streamscope] mock.route: ${request.url()} is not http; route.continue cannot send it to the mock at ${server.url}. Serve the app over http (a local dev server) in tests.`);
      return route.abort();
    }
    const headers = request.headers();
    if (current !== undefined && kind === 'chat') headers[scenarioHeader] = current;
    await route.continue({ url: `${server.url}${mockPath(from, kind)}${from.search}`, headers });
  }

  function watchLocalNetwork(target: Page | BrowserContext): void {
    const watchPage = (page: Page) =>
      page.on('console', (message) => {
        if (isLocalNetworkBlock(message.text())) problems.push(localNetworkProblem(page.url(), server.url, server.port));
      });
    if ('goto' in target) watchPage(target);
    else {
      target.pages().forEach(watchPage);
      target.on('page', watchPage);
    }
  }

  return {
    url: server.url,
    port: server.port,
    async route(target, pattern = '**/api/chat') {
      watchLocalNetwork(target);
      await target.route(pattern, (route) => forward(route, 'chat'));
      await target.route(`${pattern}/*/stream`, (route) => forward(route, 'stream'));
      await target.route(`${pattern}/*/stop`, (route) => forward(route, 'stop'));
    },
    useScenario,
    held: (name) => server.held(name),
    release: (name) => server.release(name),
    problems: () => [...problems],
    startTest(scenario) {
      problems = [];
      current = undefined;
      if (scenario !== undefined) useScenario(scenario);
    },
    endTest() {
      server.context.sessions.closeAll();
    },
    close: () => server.close(),
  };
}
