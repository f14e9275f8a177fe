/**
 * A wall: the one shape every hop of the capture path talks through (as React DevTools' bridge
 * does): `listen` for what arrives (returns the unlisten), `send` what leaves. Implementations:
 * a runtime port that reconnects (`port-wall.ts`), `window.postMessage` (`window-wall.ts`) and an
 * in-memory pair for tests (`memory-wall.ts`).
 */
export type Unlisten = () => void;

export type Wall<In, Out> = {
  listen(listener: (message: In) => void): Unlisten;
  send(message: Out): void;
};

/** A listener list: what every wall keeps. */
export function createListeners<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void): Unlisten {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(value: T): void {
      for (const listener of [...listeners]) listener(value);
    },
  };
}
