/**
 * Validates one parsed payload as the target client version's schema does, and says which of its
 * fields that client does not know. Valid chunks take a fast path: a checker derived once from
 * each zod object shape (no eval, so it runs in extension pages); zod itself runs only for
 * fields the fast path cannot judge and, on failure, to name the issues.
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

type ShapeCheck = { check: Check; fields: ReadonlyArray<readonly [string, Check]> };
const shapeChecks = new WeakMap<z.ZodObject, ShapeCheck>();

function shapeCheck(schema: z.ZodObject): ShapeCheck {
  let cached = shapeChecks.get(schema);
  if (!cached) {
    const fields = Object.entries(schema.shape).map(([key, field]) => [key, fieldCheck(field as z.ZodType)] as const);
    const check: Check = (value) => {
      const record = value as Record<string, unknown>;
      for (const [key, test] of fields) if (!test(record[key])) return false;
      return true;
    };
    cached = { check, fields };
    shapeChecks.set(schema, cached);
  }
  return cached;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((segment) => String(segment)).join('.');
}

function zodIssues(schema: z.ZodType, value: unknown): SchemaIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

function extraFields(type: string, value: Record<string, unknown>, client: ClientVersion): string[] {
  const extra: string[] = [];
  for (const key in value) {
    if (key === 'type' || !Object.hasOwn(value, key)) continue;
    const since = fieldSince(type, key);
    if (since === undefined || !versionAtLeast(client, since)) extra.push(key);
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
  if (!shapeCheck(schema).check(record)) {
    const issues = zodIssues(schema, record);
    if (issues.length > 0) return { kind: 'invalid-chunk', type, issues };
  }
  if (type === 'finish') {
    const issue = finishReasonIssue(record, client);
    if (issue) return { kind: 'invalid-chunk', type, issues: [issue] };
  }
  return { kind: 'chunk', type, chunk: record as UIMessageChunk, extraFields: extraFields(type, record, client) };
}
