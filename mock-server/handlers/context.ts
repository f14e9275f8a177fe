/** What the handlers share: the scenarios, the playing sessions and their live counts. */
import { createRegistry, type Registry } from '../scenarios/registry.js';
import { createHolds, type Holds } from './holds.js';
import { createSessionTable, type SessionTable } from './sessions.js';
import { createStats, createTimers, type MockStats, type Timers } from './stats.js';

export type MockOptions = {
  registry?: Registry;
  /** Where the endpoints live, e.g. `https://api.example.com`; default: any origin. */
  baseUrl?: string;
  /** How long a chat's stream keeps playing for a resume after its last reader left. */
  resumeWindowMs?: number;
  /** The scenario for requests that name none (default `plain-text`). */
  defaultScenario?: string;
  /** Told, one line each, what went wrong while playing (a step that could not play); default `console.warn`. */
  log?: (line: string) => void;
};

export type MockContext = {
  registry: Registry;
  sessions: SessionTable;
  holds: Holds;
  stats: MockStats;
  /** The timers every wait of this mock goes through, so that `stats.activeTimers` counts them all. */
  timers: Timers;
  baseUrl: string;
};

export const defaultResumeWindowMs = 3000;

export function createMockContext(options: MockOptions = {}): MockContext {
  const stats = createStats();
  const holds = createHolds();
  const timers = createTimers(stats);
  const registry = options.registry ?? createRegistry();
  if (options.defaultScenario !== undefined) registry.setDefault(options.defaultScenario);
  return {
    registry,
    sessions: createSessionTable({
      stats,
      timers,
      holds,
      resumeWindowMs: options.resumeWindowMs ?? defaultResumeWindowMs,
      log: options.log ?? ((line) => console.warn(line)),
    }),
    holds,
    stats,
    timers,
    baseUrl: (options.baseUrl ?? '*').replace(/\/$/, ''),
  };
}
