/** Live counts the tests and the bench read to prove that nothing is left behind. */
export type MockStats = {
  /** Streams with a running script or a waiting client. */
  activeStreams: number;
  /** Scheduled timers (one per waiting stream at most, plus resume windows). */
  activeTimers: number;
};

export function createStats(): MockStats {
  return { activeStreams: 0, activeTimers: 0 };
}

/** Node fires a longer timeout at once; a clamped one wakes early, and the player re-checks what is due. */
const maxTimeoutMs = 2 ** 31 - 1;

/** setTimeout/clearTimeout that keep `stats.activeTimers` right. */
export function createTimers(stats: MockStats) {
  const live = new Set<ReturnType<typeof setTimeout>>();
  return {
    set(run: () => void, ms: number): ReturnType<typeof setTimeout> {
      const handle = setTimeout(() => {
        live.delete(handle);
        stats.activeTimers -= 1;
        run();
      }, Math.min(ms, maxTimeoutMs));
      live.add(handle);
      stats.activeTimers += 1;
      return handle;
    },
    clear(handle: ReturnType<typeof setTimeout> | undefined): void {
      if (handle === undefined || !live.delete(handle)) return;
      clearTimeout(handle);
      stats.activeTimers -= 1;
    },
  };
}
export type Timers = ReturnType<typeof createTimers>;
