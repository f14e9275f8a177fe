/** `streamscope/mock-server/browser`: the same handlers behind MSW's `setupWorker`. */
export * from './shared.js';
export { setupMockWorker, type MockSetupWorker } from './transports/setup-worker.js';
