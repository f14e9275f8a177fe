/**
 * In the browser: MSW's `setupWorker` with the mock handlers (the page must serve MSW's
 * `mockServiceWorker.js`, see `npx msw init`).
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createMockHandlers } from '../handlers/chat-handlers.js';
import { createMockContext, type MockContext, type MockOptions } from '../handlers/context.js';
import { createMockControl, type MockControl } from '../handlers/control.js';

export type MockSetupWorker = SetupWorker & MockControl & { readonly context: MockContext };

export function setupMockWorker(options: MockOptions = {}): MockSetupWorker {
  const context = createMockContext(options);
  const worker = setupWorker(...createMockHandlers(context));
  const stop = worker.stop.bind(worker);
  // Streams still playing (a stall never ends) would keep their timers after the worker stops.
  return Object.assign(worker, createMockControl(context), {
    context,
    stop() {
      context.sessions.closeAll();
      context.holds.close();
      stop();
    },
  });
}
