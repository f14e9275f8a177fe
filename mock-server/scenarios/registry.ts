/**
 * The scenarios a server answers with: the built-ins, overlaid by scenario files (a file may
 * replace a built-in of the same name), overlaid by scenarios added at runtime (a test's
 * `useScenario(object)`). Every other scenario keeps serving whatever one file does: a file that
 * fails validation, or names a scenario another file already serves, is refused with problems
 * that say so, and its last good version (if any) keeps serving. The default answers requests
 * that name none.
 */
import { builtinScenarios, defaultScenarioName } from './builtins.js';
import type { Scenario } from '../../protocol/scenarios/schema.js';
import type { ScenarioProblem, ScenarioResult } from '../../protocol/scenarios/validate.js';

/** `source`: `builtin`, `runtime`, or the scenario file's name (never its absolute path: the list is served). */
export type ScenarioEntry = { scenario: Scenario; source: string };
export type Registry = ReturnType<typeof createRegistry>;

/** What reading a file came to: served, or refused (with the version still served from it, if any). */
export type FileOutcome = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[]; kept?: Scenario };

const fileName = (path: string): string => path.split(/[\\/]/).at(-1) ?? path;

export function createRegistry(builtins: readonly Scenario[] = builtinScenarios) {
  /** Every file read, with the scenario it serves (none while it has never been good). */
  const files = new Map<string, Scenario | undefined>();
  const runtime = new Map<string, Scenario>();
  let defaultName = defaultScenarioName;

  function list(): ScenarioEntry[] {
    const entries = new Map<string, ScenarioEntry>(builtins.map((scenario) => [scenario.name, { scenario, source: 'builtin' }]));
    for (const [file, served] of files) if (served) entries.set(served.name, { scenario: served, source: fileName(file) });
    for (const scenario of runtime.values()) entries.set(scenario.name, { scenario, source: 'runtime' });
    return [...entries.values()];
  }

  const get = (name: string): Scenario | undefined => list().find((entry) => entry.scenario.name === name)?.scenario;

  /** The other file already serving a scenario called `name`. */
  const servedElsewhere = (name: string, file: string): string | undefined =>
    [...files].find(([other, served]) => other !== file && served?.name === name)?.[0];

  function duplicate(file: string, result: ScenarioResult): ScenarioResult {
    if (!result.ok) return result;
    const other = servedElsewhere(result.scenario.name, file);
    if (other === undefined) return result;
    const message = `scenario "${result.scenario.name}" is already served from ${other}; scenario names must be unique: rename one`;
    return { ok: false, problems: [{ file, path: '$.name', message }] };
  }

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
    /** Records the outcome of (re)reading `file`; a refused file keeps serving its last good version. */
    setFile(file: string, read: ScenarioResult): FileOutcome {
      const result = duplicate(file, read);
      const served = result.ok ? result.scenario : files.get(file);
      files.set(file, served);
      return result.ok || !served ? result : { ...result, kept: served };
    },
    removeFile(file: string): void {
      files.delete(file);
    },
    /** The files read so far (a folder that disappeared removes them all). */
    files: (): string[] => [...files.keys()],
  };
}
