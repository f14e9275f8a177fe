/**
 * In-memory walls and ports for tests: messages are structured-cloned and delivered in a later
 * microtask, as the browser delivers them, so tests see what a real hop would.
 */
import { createListeners, type Wall } from './wall.js';
import type { PortSender, RuntimePort } from './runtime-port.js';

/** Two walls, each delivering what it sends to the other. */
export function createMemoryWalls<A, B>(): [Wall<A, B>, Wall<B, A>] {
  const toA = createListeners<A>();
  const toB = createListeners<B>();
  return [
    { listen: toA.add, send: (message) => queueMicrotask(() => toB.emit(structuredClone(message))) },
    { listen: toB.add, send: (message) => queueMicrotask(() => toA.emit(structuredClone(message))) },
  ];
}

/** A connected pair of runtime ports; either end's `disconnect` closes the other. */
export function createMemoryPorts(name: string, sender?: PortSender): { client: RuntimePort; server: RuntimePort } {
  const toClient = createListeners<unknown>();
  const toServer = createListeners<unknown>();
  const clientClosed = createListeners<void>();
  const serverClosed = createListeners<void>();
  let open = true;
  const close = (notify: () => void) => {
    if (!open) return;
    open = false;
    queueMicrotask(notify);
  };
  const post = (deliver: (message: unknown) => void) => (message: unknown) => {
    if (!open) throw new Error('Attempting to use a disconnected port object');
    const copy = structuredClone(message);
    queueMicrotask(() => open && deliver(copy));
  };
  return {
    client: {
      name,
      postMessage: post((message) => toServer.emit(message)),
      disconnect: () => close(() => serverClosed.emit()),
      onMessage: { addListener: (listener) => void toClient.add(listener) },
      onDisconnect: { addListener: (listener) => void clientClosed.add(listener) },
    },
    server: {
      name,
      sender,
      postMessage: post((message) => toClient.emit(message)),
      disconnect: () => close(() => clientClosed.emit()),
      onMessage: { addListener: (listener) => void toServer.add(listener) },
      onDisconnect: { addListener: (listener) => void serverClosed.add(listener) },
    },
  };
}
