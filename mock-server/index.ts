/** `streamscope/mock-server` for Node: scenarios, handlers, `setupServer` and the HTTP server. */
export * from './shared.js';
export { setupMockServer, type MockSetupServer } from './transports/setup-server.js';
export { startMockServer, type MockServer, type MockServerOptions } from './transports/http-server.js';
export { loadScenarioDir, watchScenarioDir } from './scenarios/directory.js';
