/**
 * The mock server serving the demo streams for the panel tests, on 127.0.0.1. Each stream is a
 * scenario (`demo-streams.ts`); a test that wants one held back before its last part, or its
 * headers late, asks `scenario(stream, options)` for a variant, registered on first use, and
 * names it in its request as a chat app's request would (`POST /api/chat` with the
 * `x-streamscope-scenario` header).
 */
import { startMockServer } from '../../../mock-server/index.js';
import { demoScenario, demoScenarioName, demoStreamNames, type DemoOptions, type DemoStream } from './demo-streams.js';

export type PanelServer = {
  base: string;
  /** A page on the server's origin, for the tests' requests to be the page's own. */
  page: string;
  /** The name of the scenario playing `stream` with `options`, served from now on. */
  scenario(stream: DemoStream, options?: DemoOptions): string;
  /** Lets the stream held at `key` finish, as soon as it gets there (a test sees it live before its last pause is over). */
  release(key: string): void;
  close(): Promise<void>;
};

export async function startPanelServer(): Promise<PanelServer> {
  const server = await startMockServer({ port: 0 });
  for (const stream of demoStreamNames) server.addScenario(demoScenario(stream));
  const served = new Set<string>(demoStreamNames);
  return {
    base: server.url,
    page: `${server.url}/api/scenarios`,
    scenario(stream, options = {}) {
      const name = demoScenarioName(stream, options);
      if (!served.has(name)) served.add(server.addScenario(demoScenario(stream, options)));
      return name;
    },
    release(key) {
      // A stream stopped before it reached the hold never gets there: the wait ends with the server.
      void server.held(key).then(() => server.release(key), () => {});
    },
    close: () => server.close(),
  };
}
