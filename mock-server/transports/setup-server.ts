/** In-process in Node tests: MSW's `setupServer` with the mock handlers. */
import { setupServer, type SetupServer } from 'msw/node';
import { createMockHandlers } from '../handlers/chat-handlers.js';
import { createMockContext, type MockContext, type MockOptions } from '../handlers/context.js';

export type MockSetupServer = SetupServer & { readonly context: MockContext };

export function setupMockServer(options: MockOptions = {}): MockSetupServer {
  const context = createMockContext(options);
  return Object.assign(setupServer(...createMockHandlers(context)), { context });
}
