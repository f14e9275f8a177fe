/**
 * The scenarios a server answers with: the built-ins, overlaid by scenario files (a file may
 * replace a built-in of the same name). A file that fails validation keeps its problems here and
 * serves nothing; every other scenario keeps serving.
 */
import { builtinScenarios, defaultScenarioName } from './builtins.js';
import type { Scenario } from './schema.js';
import type { ScenarioProblem, ScenarioResult } from './validate.js';

export type ScenarioEntry = { scenario: Scenario; source: 'builtin' | string };
export type Registry = ReturnType<typeof createRegistry>;

export function createRegistry(builtins: readonly Scenario[] = builtinScenarios) {
  const fromFiles = new Map<string, Scenario>();
  const problems = new Map<string, ScenarioProblem[]>();

  function list(): ScenarioEntry[] {
    const entries = new Map<string, ScenarioEntry>(builtins.map((scenario) => [scenario.name, { scenario, source: 'builtin' }]));
    for (const [file, scenario] of fromFiles) entries.set(scenario.name, { scenario, source: file });
    return [...entries.values()];
  }

  return {
    list,
    get: (name: string): Scenario | undefined => list().find((entry) => entry.scenario.name === name)?.scenario,
    defaultName: defaultScenarioName,
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
