/** In-process in Node tests: MSW's `setupServer` with the mock handlers. */
import { setupServer, type SetupServer } from 'msw/node';
import { createMockHandlers } from '../handlers/chat-handlers.js';
import { createMockContext, type MockContext, type MockOptions } from '../handlers/context.js';
import { createMockControl, type MockControl } from '../handlers/control.js';

export type MockSetupServer = SetupServer & MockControl & { readonly context: MockContext };

export function setupMockServer(options: MockOptions = {}): MockSetupServer {
  const context = createMockContext(options);
  const server = setupServer(...createMockHandlers(context));
  const close = server.close.bind(server);
  // Streams still playing (a stall never ends) would keep timers alive after the tests.
  return Object.assign(server, createMockControl(context), {
    context,
    close() {
      context.sessions.closeAll();
      context.holds.close();
      close();
    },
  });
}
