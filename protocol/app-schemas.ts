/**
 * The app's own schemas (DESIGN.md): a JSON file mapping tool names to JSON Schemas for their
 * `input` and `output`, data part types (`data-weather`) and `metadata` to JSON Schemas. They are
 * turned into zod schemas by `z.fromJSONSchema`, which builds validators without compiling code,
 * so they run where `eval` is forbidden (extension pages; set zod's `jitless` there, as the
 * extension does). What it cannot express is refused here with the schema's path: `if`/`then`/
 * `else`, `not` (other than `{ not: {} }`), `dependentSchemas`/`dependentRequired`,
 * `unevaluatedProperties`/`unevaluatedItems` and `$ref` outside the document. Local `$ref`
 * (`#/$defs/…`, `#/definitions/…`), recursion, `oneOf`/`anyOf`/`allOf`, `enum`/`const`,
 * `pattern` and `format` are supported.
 */
import { z } from 'zod';

const jsonSchemaSchema = z.union([z.boolean(), z.record(z.string(), z.unknown())], { error: 'expected a JSON Schema (an object or a boolean)' });

export const appSchemasSchema = z.strictObject({
  tools: z.record(z.string(), z.strictObject({ input: jsonSchemaSchema.optional(), output: jsonSchemaSchema.optional() })).optional(),
  data: z
    .record(z.string(), jsonSchemaSchema)
    .superRefine((data, context) => {
      for (const type of Object.keys(data)) {
        if (!/^data-./.test(type)) context.addIssue({ code: 'custom', path: [type], message: `a data part type starts with "data-" (did you mean "data-${type}"?)` });
      }
    })
    .optional(),
  metadata: jsonSchemaSchema.optional(),
});
/** The schemas file as JSON (what `--schemas FILE` reads and the decoder option takes). */
export type AppSchemas = z.infer<typeof appSchemasSchema>;

/** The app's schemas as validators; a name without a schema is not checked. */
export type AppValidators = {
  toolInput: ReadonlyMap<string, z.ZodType>;
  toolOutput: ReadonlyMap<string, z.ZodType>;
  data: ReadonlyMap<string, z.ZodType>;
  metadata: z.ZodType | null;
};

/** A schemas file that is not one: the message names the path of what is wrong in it. */
export class AppSchemasError extends Error {
  override name = 'AppSchemasError';
}

const pathOf = (path: ReadonlyArray<PropertyKey>): string => path.map(String).join('.') || '(root)';

function compile(schema: unknown, path: string): z.ZodType {
  try {
    return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch (error) {
    throw new AppSchemasError(`${path}: ${(error as Error).message}`);
  }
}

function compileAll(entries: Record<string, unknown>, path: (name: string) => string): Map<string, z.ZodType> {
  const compiled = new Map<string, z.ZodType>();
  for (const [name, schema] of Object.entries(entries)) if (schema !== undefined) compiled.set(name, compile(schema, path(name)));
  return compiled;
}

/** Checks a schemas file's shape and builds its validators; throws `AppSchemasError` naming the path. */
export function compileAppSchemas(value: unknown): AppValidators {
  const parsed = appSchemasSchema.safeParse(value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new AppSchemasError(`${pathOf(issue.path)}: ${issue.message}`);
  }
  const { tools = {}, data = {}, metadata } = parsed.data;
  const field = (key: 'input' | 'output') => Object.fromEntries(Object.entries(tools).map(([name, tool]) => [name, tool[key]]));
  return {
    toolInput: compileAll(field('input'), (name) => `tools.${name}.input`),
    toolOutput: compileAll(field('output'), (name) => `tools.${name}.output`),
    data: compileAll(data, (type) => `data.${type}`),
    metadata: metadata === undefined ? null : compile(metadata, 'metadata'),
  };
}

/** A JSON path as users read it: `$.forecast[0].tempC`. */
function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `${text}.${String(key)}` : `${text}[${JSON.stringify(String(key))}]`), '$');
}

/** What is wrong with `value` against `schema`, as `path: message` lines joined; null when it matches. */
export function schemaMismatch(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  return result.error.issues.map((issue) => `${jsonPath(issue.path)}: ${issue.message}`).join('; ');
}
