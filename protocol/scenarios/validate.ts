/**
 * Scenario text → a validated scenario, or problems that name the file, the JSON path and what
 * was expected. Never throws on bad input.
 */
import type { z } from 'zod';
import { schemaForType } from '../schemas/chunks.js';
import { scenarioNameSchema, scenarioSchema, stepSchema, type Scenario } from './schema.js';

export type ScenarioProblem = { file: string; path: string; message: string };
export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

const stepKinds = stepSchema.options.map((option) => option.shape.step.value);

export function formatProblem(problem: ScenarioProblem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}

/** A zod issue path as a JSON path: `$.steps[2].chunk`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`), '$');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), root);
}

/** A union's own message ("Invalid input") says nothing: explain chunks and steps by their type. */
function explainUnion(root: unknown, issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string }[] {
  const path = [...issue.path];
  if (issue.path.at(-1) === 'chunk') {
    const value = valueAt(root, path) as Record<string, unknown> | undefined;
    const type = value?.type;
    if (typeof type !== 'string') return [{ path: [...path, 'type'], message: 'expected a chunk with a string "type"' }];
    const schema = schemaForType(type);
    if (!schema) return [{ path: [...path, 'type'], message: `unknown chunk type "${type}" (to send it on purpose, use a "raw" step)` }];
    const result = schema.safeParse(value);
    return (result.error?.issues ?? []).map((inner) => ({ path: [...path, ...inner.path], message: inner.message }));
  }
  // zod reports a bad discriminator at the `step` key itself.
  const stepPath = issue.path.at(-1) === 'step' ? path : [...path, 'step'];
  const step = valueAt(root, stepPath);
  return [{ path: stepPath, message: `expected "step" to be one of ${stepKinds.join(', ')}${step === undefined ? '' : `, got ${JSON.stringify(step)}`}` }];
}

function problemsOf(root: unknown, error: z.ZodError, file: string): ScenarioProblem[] {
  return error.issues.flatMap((issue) => {
    const explained =
      issue.code === 'invalid_union'
        ? explainUnion(root, issue)
        : [{ path: [...issue.path], message: issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}` : issue.message }];
    return explained.map(({ path, message }) => ({ file, path: jsonPath(path), message }));
  });
}

function baseName(file: string): string {
  return (file.split(/[\\/]/).at(-1) ?? file).replace(/\.json$/i, '');
}

/** Validates an already parsed value (built-ins, or JSON read elsewhere); without a `name`, the file's name must be one. */
export function validateScenario(value: unknown, file: string): ScenarioResult {
  const result = scenarioSchema.safeParse(value);
  if (!result.success) return { ok: false, problems: problemsOf(value, result.error, file) };
  const name = result.data.name ?? baseName(file);
  if (!scenarioNameSchema.safeParse(name).success) {
    const message = `no "name", and the file name "${name}" is not a scenario name (lowercase letters, digits and dashes): add a "name" or rename the file`;
    return { ok: false, problems: [{ file, path: '$.name', message }] };
  }
  return { ok: true, scenario: { ...result.data, name } };
}

export function parseScenario(text: string, file: string): ScenarioResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ file, path: '$', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return validateScenario(value, file);
}
