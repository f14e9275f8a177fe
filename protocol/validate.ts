/**
 * Validates one parsed payload as the target client version's schema does, and says which of its
 * fields that client does not know. Valid chunks take a fast path: a checker derived once from
 * each zod object shape (no eval, so it runs in extension pages); zod itself runs only for
 * fields the fast path cannot judge and, on failure, to name the issues. Fields the target client
 * does not know are not type-checked: its loose schema ignores them (strict releases reject them,
 * which the linter reports as `extra-field`).
 */
import { z } from 'zod';
import {
  chunkTypeSince,
  fieldSince,
  finishReasonSupport,
  isNamedChunkType,
  schemaForType,
  versionAtLeast,
  type ClientVersion,
  type UIMessageChunk,
} from './schemas/chunks.js';
import type { SchemaIssue } from './schemas/report.js';

export type Validation =
  | { kind: 'chunk'; type: string; chunk: UIMessageChunk; extraFields: string[] }
  | { kind: 'invalid-chunk'; type: string | null; issues: SchemaIssue[] }
  | { kind: 'unknown-type'; type: string | null; since: ClientVersion | null };

type Check = (value: unknown) => boolean;

function fieldCheck(schema: z.ZodType): Check {
  if (schema instanceof z.ZodOptional) {
    const inner = fieldCheck(schema.unwrap() as z.ZodType);
    return (value) => value === undefined || inner(value);
  }
  if (schema instanceof z.ZodString) return (value) => typeof value === 'string';
  if (schema instanceof z.ZodBoolean) return (value) => typeof value === 'boolean';
  if (schema instanceof z.ZodUnknown) return () => true;
  if (schema instanceof z.ZodLiteral) {
    const values = schema.values as Set<unknown>;
    return (value) => values.has(value);
  }
  if (schema instanceof z.ZodEnum) {
    const options = new Set<unknown>(schema.options);
    return (value) => options.has(value);
  }
  return (value) => schema.safeParse(value).success;
}

const shapeChecks = new WeakMap<z.ZodObject, Check>();

/** zod 4 requires the key of every non-optional field, even `z.unknown()` ones, to be present. */
function keyCheck(key: string, field: z.ZodType): Check {
  const test = fieldCheck(field);
  if (field instanceof z.ZodOptional) return (record) => test((record as Record<string, unknown>)[key]);
  return (record) => Object.hasOwn(record as object, key) && test((record as Record<string, unknown>)[key]);
}

function shapeCheck(schema: z.ZodObject): Check {
  let check = shapeChecks.get(schema);
  if (!check) {
    const fields = Object.entries(schema.shape).map(([key, field]) => keyCheck(key, field as z.ZodType));
    check = (value) => {
      for (const test of fields) if (!test(value)) return false;
      return true;
    };
    shapeChecks.set(schema, check);
  }
  return check;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((segment) => String(segment)).join('.');
}

/** The schema's issues with `value`, leaving out fields the client does not know: it ignores those. */
function zodIssues(schema: z.ZodType, type: string, value: unknown, client: ClientVersion): SchemaIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => !isUnknownField(type, issue.path[0], client))
    .map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

function isUnknownField(type: string, key: PropertyKey | undefined, client: ClientVersion): boolean {
  if (typeof key !== 'string') return false;
  const since = fieldSince(type, key);
  return since === undefined || !versionAtLeast(client, since);
}

function extraFields(type: string, value: Record<string, unknown>, client: ClientVersion): string[] {
  const extra: string[] = [];
  for (const key in value) {
    if (key === 'type' || !Object.hasOwn(value, key)) continue;
    if (isUnknownField(type, key, client)) extra.push(key);
  }
  return extra;
}

function finishReasonIssue(value: Record<string, unknown>, client: ClientVersion): SchemaIssue | null {
  const reason = value.finishReason as keyof typeof finishReasonSupport | undefined;
  if (reason === undefined) return null;
  const accepted: readonly ClientVersion[] = finishReasonSupport[reason];
  if (accepted.includes(client)) return null;
  return {
    path: 'finishReason',
    message: `ai ${client} clients reject finishReason "${reason}" (accepted by ai ${accepted.join(', ')})`,
  };
}

export function validateChunk(value: unknown, client: ClientVersion): Validation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'invalid-chunk', type: null, issues: [{ path: '', message: 'expected a JSON object with a "type"' }] };
  }
  const record = value as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string') {
    return { kind: 'invalid-chunk', type: null, issues: [{ path: 'type', message: 'expected a string "type"' }] };
  }
  const schema = schemaForType(type);
  if (!schema) return { kind: 'unknown-type', type, since: null };
  if (isNamedChunkType(type) && !versionAtLeast(client, chunkTypeSince[type])) {
    return { kind: 'unknown-type', type, since: chunkTypeSince[type] };
  }
  if (!shapeCheck(schema)(record)) {
    const issues = zodIssues(schema, type, record, client);
    if (issues.length > 0) return { kind: 'invalid-chunk', type, issues };
  }
  if (type === 'finish') {
    const issue = finishReasonIssue(record, client);
    if (issue) return { kind: 'invalid-chunk', type, issues: [issue] };
  }
  return { kind: 'chunk', type, chunk: record as UIMessageChunk, extraFields: extraFields(type, record, client) };
}
