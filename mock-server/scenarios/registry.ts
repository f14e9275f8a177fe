/**
 * The scenarios a server answers with: the built-ins, overlaid by scenario files (a file may
 * replace a built-in of the same name), overlaid by scenarios added at runtime (a test's
 * `useScenario(object)`). A file that fails validation keeps its problems here and serves
 * nothing; every other scenario keeps serving. The default answers requests that name none.
 */
import { builtinScenarios, defaultScenarioName } from './builtins.js';
import type { Scenario } from './schema.js';
import type { ScenarioProblem, ScenarioResult } from './validate.js';

export type ScenarioEntry = { scenario: Scenario; source: 'builtin' | 'runtime' | string };
export type Registry = ReturnType<typeof createRegistry>;

export function createRegistry(builtins: readonly Scenario[] = builtinScenarios) {
  const fromFiles = new Map<string, Scenario>();
  const problems = new Map<string, ScenarioProblem[]>();
  const runtime = new Map<string, Scenario>();
  let defaultName = defaultScenarioName;

  function list(): ScenarioEntry[] {
    const entries = new Map<string, ScenarioEntry>(builtins.map((scenario) => [scenario.name, { scenario, source: 'builtin' }]));
    for (const [file, scenario] of fromFiles) entries.set(scenario.name, { scenario, source: file });
    for (const scenario of runtime.values()) entries.set(scenario.name, { scenario, source: 'runtime' });
    return [...entries.values()];
  }

  const get = (name: string): Scenario | undefined => list().find((entry) => entry.scenario.name === name)?.scenario;

  return {
    list,
    get,
    get defaultName(): string {
      return defaultName;
    },
    /** Picks the scenario for requests that name none; an unknown name is a programming error. */
    setDefault(name: string): void {
      if (!get(name)) throw new Error(`[streamscope] cannot make "${name}" the default: no such scenario (known: ${list().map((entry) => entry.scenario.name).join(', ')})`);
      defaultName = name;
    },
    /** Serves a validated scenario until the server stops, replacing any of the same name. */
    add(scenario: Scenario): void {
      runtime.set(scenario.name, scenario);
    },
    /** Records the outcome of (re)reading `file`. */
    setFile(file: string, result: ScenarioResult): void {
      if (result.ok) {
        fromFiles.set(file, result.scenario);
        problems.delete(file);
      } else {
        fromFiles.delete(file);
        problems.set(file, result.problems);
      }
    },
    removeFile(file: string): void {
      fromFiles.delete(file);
      problems.delete(file);
    },
    problems: (): ScenarioProblem[] => [...problems.values()].flat(),
  };
}
