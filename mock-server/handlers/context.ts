/** What the handlers share: the scenarios, the playing sessions and their live counts. */
import { createRegistry, type Registry } from '../scenarios/registry.js';
import { createSessionTable, type SessionTable } from './sessions.js';
import { createStats, createTimers, type MockStats } from './stats.js';

export type MockOptions = {
  registry?: Registry;
  /** Where the endpoints live, e.g. `https://api.example.com`; default: any origin. */
  baseUrl?: string;
  /** How long a chat's stream keeps playing for a resume after its last reader left. */
  resumeWindowMs?: number;
};

export type MockContext = {
  registry: Registry;
  sessions: SessionTable;
  stats: MockStats;
  baseUrl: string;
};

export const defaultResumeWindowMs = 3000;

export function createMockContext(options: MockOptions = {}): MockContext {
  const stats = createStats();
  return {
    registry: options.registry ?? createRegistry(),
    sessions: createSessionTable(stats, createTimers(stats), options.resumeWindowMs ?? defaultResumeWindowMs),
    stats,
    baseUrl: (options.baseUrl ?? '*').replace(/\/$/, ''),
  };
}
