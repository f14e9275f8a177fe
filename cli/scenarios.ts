/**
 * `streamscope scenarios list [--json] | validate FILE… | schema`: the built-in scenarios, checks
 * of scenario files (problems name the file and JSON path), and the JSON Schema for editors.
 */
import { readFile } from 'node:fs/promises';
import { builtinScenarios } from '../mock-server/scenarios/builtins.js';
import { scenarioJsonSchema, scenarioSummary, type Scenario } from '../protocol/scenarios/schema.js';
import { formatProblem, parseScenario, type ScenarioResult } from '../protocol/scenarios/validate.js';
import { UsageError, type Io } from './io.js';
import { parse } from './options.js';

const usage = 'scenarios: expected "list [--json]", "validate FILE…" or "schema"';

function table(scenarios: readonly Scenario[]): string {
  const width = Math.max(...scenarios.map((scenario) => scenario.name.length)) + 2;
  return scenarios
    .map((scenario) => {
      const { name, dialect, expect, description } = scenarioSummary(scenario);
      return `${name.padEnd(width)}${dialect.padEnd(8)}${(expect.length ? expect.join(', ') : 'healthy').padEnd(44)}${description}`;
    })
    .join('\n');
}

async function readScenarioFile(path: string): Promise<ScenarioResult> {
  try {
    return parseScenario(await readFile(path, 'utf8'), path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problems: [{ file: path, path: '$', message: code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(error)})` }] };
  }
}

async function validate(files: string[], io: Io): Promise<number> {
  if (files.length === 0) throw new UsageError('scenarios validate: give one or more scenario files');
  let failed = 0;
  for (const file of files) {
    const result = await readScenarioFile(file);
    if (result.ok) {
      io.stdout(`${file}: ok (scenario "${result.scenario.name}", ${result.scenario.steps.length} steps)\n`);
    } else {
      failed += 1;
      io.stderr(`${result.problems.map(formatProblem).join('\n')}\n`);
    }
  }
  return failed ? 2 : 0;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
  const [action, ...rest] = positionals;
  switch (action) {
    case 'list':
      if (rest.length) throw new UsageError(`scenarios list: unexpected argument "${rest[0]}"`);
      io.stdout(values.json ? `${JSON.stringify(builtinScenarios.map(scenarioSummary), null, 2)}\n` : `${table(builtinScenarios)}\n`);
      return 0;
    case 'validate':
      return validate(rest, io);
    case 'schema':
      io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      return 0;
    default:
      throw new UsageError(action === undefined ? usage : `${usage}, got "${action}"`);
  }
}
