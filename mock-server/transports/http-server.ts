/**
 * `streamscope serve`: the mock handlers and the demo page on a real HTTP server, optionally
 * with a hot-reloaded folder of scenario files.
 */
import { createMockContext, type MockContext, type MockOptions } from '../handlers/context.js';
import { createMockControl, type MockControl } from '../handlers/control.js';
import { createMockHandlers } from '../handlers/chat-handlers.js';
import { createRegistry } from '../scenarios/registry.js';
import { loadScenarioDir, watchScenarioDir, type DirectoryReport } from '../scenarios/directory.js';
import { createDemoHandlers } from './demo-assets.js';
import { listenNodeHttp, type NodeHttpOptions } from './node-http.js';

/** `port`, `host`, `cors` (origins beyond loopback allowed to call it) and `maxBodyBytes` are the HTTP server's. */
export type MockServerOptions = MockOptions &
  NodeHttpOptions & {
    /** A folder of scenario files, added to the built-ins and reloaded on change. */
    scenariosDir?: string;
    /** Told about every scenario file read (and its problems). */
    onScenarioFile?: DirectoryReport;
  };

export type MockServer = MockControl & {
  readonly url: string;
  readonly port: number;
  readonly context: MockContext;
  /** Live counts: playing streams, scheduled timers, open client connections. */
  stats(): { activeStreams: number; activeTimers: number; sockets: number };
  close(): Promise<void>;
};

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const registry = options.registry ?? createRegistry();
  const report: DirectoryReport = options.onScenarioFile ?? (() => {});
  const dir = options.scenariosDir;
  // The folder is read before the context exists, so that `defaultScenario` may name one of its scenarios.
  if (dir) await loadScenarioDir(dir, registry, report);
  const context = createMockContext({ ...options, registry });
  const stopWatching = dir ? watchScenarioDir(dir, registry, report) : () => {};
  const handlers = [...createMockHandlers(context), ...createDemoHandlers()];
  const http = await listenNodeHttp(() => handlers, options);
  return {
    ...createMockControl(context),
    url: http.url,
    port: http.port,
    context,
    stats: () => ({ ...context.stats, sockets: http.sockets() }),
    async close() {
      stopWatching();
      context.sessions.closeAll();
      context.holds.close();
      await http.close();
    },
  };
}
