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
  fieldAfterStrict,
  fieldSince,
  finishReasonSupport,
  isDataChunkType,
  isNamedChunkType,
  schemaForType,
  versionAtLeast,
  type ClientVersion,
  type UIMessageChunk,
} from './schemas/chunks.js';
import type { SchemaIssue } from './schemas/report.js';

export type Validation =
  /** `extraFields`: what the client's strict releases reject, its unknown fields and those that came after them. */
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

/**
 * How one field of one chunk type is checked, for one client version. `afterStrict`: the client's
 * strict releases do not know the field, so it is also reported with the extra ones.
 */
type FieldRule = { test: Check; required: boolean; afterStrict: boolean };
const anyType: FieldRule = { test: () => true, required: false, afterStrict: false };

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

/** What one client version makes of one chunk type, worked out once per (client, type). */
type Profile = {
  schema: z.ZodObject;
  /** The fields this client knows; others are extra, and not type-checked (loose clients ignore them). */
  fields: ReadonlyMap<string, FieldRule>;
  /** How many of them are required: zod 4 wants their keys present, even `z.unknown()` ones. */
  required: number;
  since: ClientVersion | null;
};
const profiles = new Map<ClientVersion, Map<string, Profile | null>>();
const noExtraFields: string[] = Object.freeze([]) as unknown as string[];

function profilesOf(client: ClientVersion): Map<string, Profile | null> {
  let byType = profiles.get(client);
  if (!byType) profiles.set(client, (byType = new Map()));
  return byType;
}

function profileFor(type: string, client: ClientVersion, byType: Map<string, Profile | null>): Profile | null {
  // Every `data-*` type shares one schema, so one profile.
  const key = isDataChunkType(type) ? 'data-' : type;
  let profile = byType.get(key);
  if (profile === undefined) {
    const schema = schemaForType(type);
    profile = schema ? { schema, ...fieldRules(schema, type, client), since: isNamedChunkType(type) ? chunkTypeSince[type] : null } : null;
    byType.set(key, profile);
  }
  return profile;
}

function fieldRules(schema: z.ZodObject, type: string, client: ClientVersion): Pick<Profile, 'fields' | 'required'> {
  // `type` is how the schema was found, so it needs no second look.
  const fields = new Map<string, FieldRule>([['type', anyType]]);
  let required = 0;
  for (const [key, field] of Object.entries(schema.shape)) {
    if (key === 'type' || isUnknownField(type, key, client)) continue;
    const rule = { test: fieldCheck(field as z.ZodType), required: !(field instanceof z.ZodOptional), afterStrict: fieldAfterStrict(type, key, client) };
    fields.set(key, rule);
    if (rule.required) required++;
  }
  return { fields, required };
}

/**
 * One pass over the chunk's keys: each known field tested, the others collected as extra (with
 * the known ones the client's strict releases reject). Null when a known field fails or a required
 * one is missing (zod then names the issues).
 */
function inspect(record: Record<string, unknown>, profile: Profile): string[] | null {
  let extra: string[] | null = null;
  let present = 0;
  for (const key in record) {
    const rule = profile.fields.get(key);
    if (rule === undefined) {
      if (Object.hasOwn(record, key)) (extra ??= []).push(key);
      continue;
    }
    if (!rule.test(record[key])) return null;
    if (rule.required) present++;
    if (rule.afterStrict) (extra ??= []).push(key);
  }
  return present === profile.required ? (extra ?? noExtraFields) : null;
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
  return validateWith(value, client, profilesOf(client), false) as Validation;
}

/**
 * `validateChunk` for one client version, for a decoder that validates every event: null means
 * a valid chunk with no field the client does not know (the common case, answered without
 * allocating a result).
 */
export function createChunkValidator(client: ClientVersion): (value: unknown) => Validation | null {
  const byType = profilesOf(client);
  return (value) => validateWith(value, client, byType, true);
}

function validateWith(value: unknown, client: ClientVersion, byType: Map<string, Profile | null>, nullWhenClean: boolean): Validation | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'invalid-chunk', type: null, issues: [{ path: '', message: 'expected a JSON object with a "type"' }] };
  }
  const record = value as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string') {
    return { kind: 'invalid-chunk', type: null, issues: [{ path: 'type', message: 'expected a string "type"' }] };
  }
  const profile = profileFor(type, client, byType);
  if (!profile) return { kind: 'unknown-type', type, since: null };
  if (profile.since !== null && !versionAtLeast(client, profile.since)) return { kind: 'unknown-type', type, since: profile.since };
  let extra = inspect(record, profile);
  if (extra === null) {
    const issues = zodIssues(profile.schema, type, record, client);
    if (issues.length > 0) return { kind: 'invalid-chunk', type, issues };
    // zod accepts what the fast check did not: trust zod.
    extra = Object.keys(record).filter((key) => profile.fields.get(key)?.afterStrict ?? true);
  }
  if (type === 'finish') {
    const issue = finishReasonIssue(record, client);
    if (issue) return { kind: 'invalid-chunk', type, issues: [issue] };
  }
  if (nullWhenClean && extra === noExtraFields) return null;
  return { kind: 'chunk', type, chunk: record as UIMessageChunk, extraFields: extra };
}
