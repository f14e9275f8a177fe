/**
 * What a test does to a running mock, whatever hosts it (`startMockServer`, `setupMockServer`,
 * `setupMockWorker`): serve a scenario object, pick the default scenario, release holds.
 * The Playwright fixture's `mock.useScenario(nameOrObject)` is `useScenario` here.
 */
import type { Scenario } from '../../protocol/scenarios/schema.js';
import { formatProblem, validateScenario } from '../../protocol/scenarios/validate.js';
import type { MockContext } from './context.js';

export type MockControl = {
  /**
   * Validates a scenario object and serves it (named `runtime-N` when it has no name), replacing
   * any scenario of the same name on this server. Returns its name; throws, naming each JSON path,
   * when it does not validate.
   */
  addScenario(value: unknown): string;
  /** Makes a scenario (a served name, or an object added first) the default for requests that name none. */
  useScenario(scenario: string | object): string;
  /** Releases every stream parked at the hold `name` now; returns how many. */
  release(name: string): number;
  /** Resolves once a stream is parked at the hold `name` (at once if one is). */
  held(name: string, options?: { signal?: AbortSignal }): Promise<void>;
};

export function createMockControl(context: MockContext): MockControl {
  let added = 0;
  function addScenario(value: unknown): string {
    added += 1;
    const result = validateScenario(value, `runtime-${added}`);
    if (!result.ok) throw new Error(`[streamscope] invalid scenario object:\n${result.problems.map(formatProblem).join('\n')}`);
    const scenario: Scenario = result.scenario;
    context.registry.add(scenario);
    return scenario.name;
  }
  return {
    addScenario,
    useScenario(scenario) {
      const name = typeof scenario === 'string' ? scenario : addScenario(scenario);
      context.registry.setDefault(name);
      return name;
    },
    release: (name) => context.holds.release(name),
    held: (name, options = {}) => context.holds.held(name, options.signal),
  };
}
