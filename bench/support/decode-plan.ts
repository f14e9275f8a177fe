/** What the decode bench measures, shared by the parent (bench/decode.bench.ts) and each mode's process. */

export type ModeName = 'jit' | 'jitless';

export const benchShape = { events: 200_000, seed: 1, minPiece: 1024, maxPiece: 16 * 1024 };
export const warmupRounds = 2;
export const defaultRounds = 7;

/** One mode's measurements, printed by its process as a single JSON line. */
export type ModeResult = {
  mode: ModeName;
  events: number;
  bytes: number;
  pieces: number;
  warmup: number;
  /** Events per wall-clock second of each measured round, by contender. */
  rates: Record<string, number[]>;
  /** Events per CPU second (all threads, GC included): steadier than wall time on a busy machine. */
  cpuRates: Record<string, number[]>;
};
