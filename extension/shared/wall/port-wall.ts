/**
 * A wall over runtime ports that reconnects, written once for the relay and the panel: when the
 * port closes (Chrome stopped the service worker, or the worker refused us) a new one is opened —
 * at once when the last one was answered, else after a backoff that doubles up to 30 s, so a
 * background refusing us is not hammered. A `lazy` wall opens a port only when there is something
 * to send (a page without streams never wakes the worker); an eager one keeps one open.
 */
import { createListeners, type Wall } from './wall.js';
import { postSafely, type RuntimePort } from './runtime-port.js';

export type PortWallOptions = {
  /** Opens a port; throws when the extension was reloaded or removed (this side can never reach it again). */
  connect(): RuntimePort;
  lazy: boolean;
  /** A new port is open: what the other side lost with the old one goes again. */
  onConnect?(): void;
  /** A port closed; `answered` says whether anything came over it. */
  onDisconnect?(answered: boolean): void;
  /** The extension is gone for good. */
  onDead?(): void;
  /** Timer, replaceable in tests. */
  later?(run: () => void, ms: number): void;
};

export type PortWall<In, Out> = Wall<In, Out> & {
  /** Opens a port now (or after the backoff) if none is open. */
  open(): void;
  readonly connected: boolean;
  close(): void;
};

export const maxBackoffMs = 30_000;

/** Delay before reconnecting after `unanswered` connections in a row got no answer. */
export function backoffMs(unanswered: number): number {
  return unanswered === 0 ? 0 : Math.min(maxBackoffMs, 100 * 2 ** unanswered);
}

export function createPortWall<In, Out>(options: PortWallOptions): PortWall<In, Out> {
  const listeners = createListeners<In>();
  const later = options.later ?? ((run, ms) => void setTimeout(run, ms));
  let port: RuntimePort | null = null;
  let unanswered = 0;
  let scheduled = false;
  let dead = false;
  let closed = false;

  function connectNow(): void {
    scheduled = false;
    if (port || dead || closed) return;
    let opened: RuntimePort;
    try {
      opened = options.connect();
    } catch {
      dead = true;
      options.onDead?.();
      return;
    }
    port = opened;
    let answered = false;
    opened.onMessage.addListener((message) => {
      if (!answered) {
        answered = true;
        unanswered = 0;
      }
      listeners.emit(message as In);
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = null;
      if (!answered) unanswered++;
      options.onDisconnect?.(answered);
      if (!options.lazy) open();
    });
    options.onConnect?.();
  }

  function open(): void {
    if (port || scheduled || dead || closed) return;
    const delay = backoffMs(unanswered);
    if (delay === 0) return connectNow();
    scheduled = true;
    later(connectNow, delay);
  }

  if (!options.lazy) open();
  return {
    listen: listeners.add,
    send(message) {
      if (port) postSafely(port, message);
      else open();
    },
    open,
    get connected() {
      return port !== null;
    },
    close() {
      closed = true;
      port?.disconnect();
      port = null;
    },
  };
}

/** A wall over one accepted port (the background's side): closes with it. */
export function wallOfPort<In, Out>(port: RuntimePort): Wall<In, Out> & { onClose(listener: () => void): void } {
  return {
    listen(listener) {
      let listening = true;
      port.onMessage.addListener((message) => listening && listener(message as In));
      return () => (listening = false);
    },
    send: (message) => postSafely(port, message),
    onClose: (listener) => port.onDisconnect.addListener(listener),
  };
}
