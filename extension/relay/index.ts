/**
 * The relay: an isolated-world content script in every frame, wiring the page's window and the
 * background's port to `relay.ts`.
 */
import '../shared/zod-jitless.js';
import { PAGE_MESSAGE_SOURCE, RELAY_PORT_NAME } from '../shared/hops.js';
import { openPort } from '../shared/browser-port.js';
import { randomId } from '../shared/random-id.js';
import { createWindowWall } from '../shared/wall/window-wall.js';
import { createRelay } from './relay.js';

createRelay({
  // registered at document_start, in the capture phase: before any listener the page adds
  page: createWindowWall<never>(window, PAGE_MESSAGE_SOURCE),
  connect: () => openPort(RELAY_PORT_NAME),
  relayId: randomId(),
});
