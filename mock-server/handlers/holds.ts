/**
 * Named holds: a stream that reaches a `hold` step parks here, sending nothing, until a test
 * releases that name — in-process (`release`, after `held` says a stream got there) or over HTTP
 * (`POST /api/holds/:name/release`). A release frees every stream parked at the name at that
 * moment and is not remembered, so a stray release cannot leak into a later test.
 */
export type Holds = ReturnType<typeof createHolds>;

type Watcher = { resolve(): void; reject(error: Error): void };

function entry<T>(map: Map<string, Set<T>>, name: string): Set<T> {
  let set = map.get(name);
  if (!set) map.set(name, (set = new Set()));
  return set;
}

export function createHolds() {
  const parked = new Map<string, Set<() => void>>();
  const watchers = new Map<string, Set<Watcher>>();

  function forget<T>(map: Map<string, Set<T>>, name: string, item: T): void {
    const set = map.get(name);
    set?.delete(item);
    if (set?.size === 0) map.delete(name);
  }

  return {
    /** Parks a stream at `name` until released; the returned function unparks it without releasing (stop, cancel). */
    park(name: string, onRelease: () => void): () => void {
      entry(parked, name).add(onRelease);
      const waiting = watchers.get(name);
      watchers.delete(name);
      for (const watcher of waiting ?? []) watcher.resolve();
      return () => forget(parked, name, onRelease);
    },
    /** Releases every stream parked at `name` now; returns how many. */
    release(name: string): number {
      const streams = parked.get(name);
      parked.delete(name);
      for (const onRelease of streams ?? []) onRelease();
      return streams?.size ?? 0;
    },
    /** Resolves once a stream is parked at `name` (at once if one is); rejects on `signal` or `close`. */
    held(name: string, signal?: AbortSignal): Promise<void> {
      if (parked.has(name)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const watcher: Watcher = {
          resolve() {
            signal?.removeEventListener('abort', abort);
            resolve();
          },
          reject(error) {
            forget(watchers, name, watcher);
            signal?.removeEventListener('abort', abort);
            reject(error);
          },
        };
        const abort = () => watcher.reject(new Error(`[streamscope] stopped waiting for a stream to reach hold "${name}"`));
        if (signal?.aborted) return abort();
        signal?.addEventListener('abort', abort, { once: true });
        entry(watchers, name).add(watcher);
      });
    },
    /** How many streams are parked at each name. */
    counts(): Record<string, number> {
      return Object.fromEntries([...parked].map(([name, streams]) => [name, streams.size]));
    },
    /** Server shutdown: whoever still waits for a hold is told, rather than left hanging. */
    close(): void {
      for (const [name, set] of [...watchers]) for (const watcher of [...set]) watcher.reject(new Error(`[streamscope] the mock server closed before a stream reached hold "${name}"`));
    },
  };
}
