/**
 * One zod schema per chunk type of the AI SDK UI message stream, as the `ai` package's client
 * validates them (`uiMessageChunkSchema`), merged across the major versions 5, 6 and 7.
 *
 * Every type and every field carries `since`: the first major version whose client knows it.
 * The decoder validates against these merged (loose) schemas and then asks `clientSupport` what a
 * given client version makes of the chunk, so one set of schemas serves every target.
 */
import { z } from 'zod';

export const clientVersions = ['5', '6', '7'] as const;
export const clientVersionSchema = z.enum(clientVersions);
export type ClientVersion = z.infer<typeof clientVersionSchema>;

type FieldMeta = { since: ClientVersion; afterStrict: boolean };
const fieldMeta = new WeakMap<z.ZodType, FieldMeta>();

function mark<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  // A copy, so that marking a shared schema instance does not mark every field that uses it.
  const marked = schema.clone() as T;
  fieldMeta.set(marked, meta);
  return marked;
}

/** Marks a field as known to clients from major version `version` on. */
function since<T extends z.ZodType>(version: ClientVersion, schema: T): T {
  return mark(schema, { since: version, afterStrict: false });
}

/**
 * Marks a field that arrived inside major `version`, after its strict releases
 * (`strictClientReleases`): those reject chunks carrying it, later releases of the major know it.
 */
function sinceAfterStrict<T extends z.ZodType>(version: ClientVersion, schema: T): T {
  return mark(schema, { since: version, afterStrict: true });
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export const jsonValueSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([z.null(), z.string(), z.number(), z.boolean(), z.record(z.string(), jsonValueSchema), z.array(jsonValueSchema)]),
);
const providerMetadataSchema = z.record(z.string(), z.record(z.string(), jsonValueSchema));
const toolMetadataSchema = z.record(z.string(), jsonValueSchema.optional());

const id = z.string();
const optionalProviderMetadata = providerMetadataSchema.optional();

/** The tool-call fields shared by the `tool-input-*` chunks. */
const toolInputFields = {
  toolCallId: z.string(),
  toolName: z.string(),
  providerExecuted: z.boolean().optional(),
  providerMetadata: optionalProviderMetadata,
  toolMetadata: since('6', toolMetadataSchema.optional()),
  dynamic: z.boolean().optional(),
  title: since('6', z.string().optional()),
};

/** The fields shared by tool outputs and output errors. */
const toolOutputFields = {
  toolCallId: z.string(),
  providerExecuted: z.boolean().optional(),
  providerMetadata: since('6', optionalProviderMetadata),
  toolMetadata: since('6', toolMetadataSchema.optional()),
  dynamic: z.boolean().optional(),
};

/** Finish reasons and the client versions that accept each. */
export const finishReasonSupport = {
  stop: clientVersions,
  length: clientVersions,
  'content-filter': clientVersions,
  'tool-calls': clientVersions,
  error: clientVersions,
  other: clientVersions,
  unknown: ['5'],
  interrupted: ['7'],
} as const satisfies Record<string, readonly ClientVersion[]>;
export type FinishReason = keyof typeof finishReasonSupport;
const finishReasons = Object.keys(finishReasonSupport) as [FinishReason, ...FinishReason[]];

export const chunkSchemas = {
  start: z.looseObject({
    type: z.literal('start'),
    messageId: z.string().optional(),
    messageMetadata: z.unknown().optional(),
  }),
  finish: z.looseObject({
    type: z.literal('finish'),
    finishReason: z.enum(finishReasons).optional(),
    messageMetadata: z.unknown().optional(),
  }),
  abort: z.looseObject({ type: z.literal('abort'), reason: since('6', z.string().optional()) }),
  'start-step': z.looseObject({ type: z.literal('start-step') }),
  'finish-step': z.looseObject({ type: z.literal('finish-step') }),
  'reset-step': z.looseObject({ type: z.literal('reset-step') }),
  'text-start': z.looseObject({ type: z.literal('text-start'), id, providerMetadata: optionalProviderMetadata }),
  'text-delta': z.looseObject({
    type: z.literal('text-delta'),
    id,
    delta: z.string(),
    providerMetadata: optionalProviderMetadata,
  }),
  'text-end': z.looseObject({
    type: z.literal('text-end'),
    id,
    citations: since('7', z.array(z.unknown()).optional()),
    providerMetadata: optionalProviderMetadata,
  }),
  'reasoning-start': z.looseObject({ type: z.literal('reasoning-start'), id, providerMetadata: optionalProviderMetadata }),
  'reasoning-delta': z.looseObject({
    type: z.literal('reasoning-delta'),
    id,
    delta: z.string(),
    providerMetadata: optionalProviderMetadata,
  }),
  'reasoning-end': z.looseObject({ type: z.literal('reasoning-end'), id, providerMetadata: optionalProviderMetadata }),
  'tool-input-start': z.looseObject({
    type: z.literal('tool-input-start'),
    ...toolInputFields,
    providerMetadata: since('6', optionalProviderMetadata),
    inputEncoding: sinceAfterStrict('6', z.enum(['json', 'text']).optional()),
  }),
  'tool-input-delta': z.looseObject({
    type: z.literal('tool-input-delta'),
    toolCallId: z.string(),
    inputTextDelta: z.string(),
  }),
  'tool-input-available': z.looseObject({
    type: z.literal('tool-input-available'),
    ...toolInputFields,
    input: z.unknown(),
  }),
  'tool-input-error': z.looseObject({
    type: z.literal('tool-input-error'),
    ...toolInputFields,
    input: z.unknown(),
    errorText: z.string(),
  }),
  'tool-approval-request': z.looseObject({
    type: z.literal('tool-approval-request'),
    approvalId: z.string(),
    toolCallId: z.string(),
    approvalDescriptor: sinceAfterStrict('6', z.unknown().optional()),
    inputSchemaInput: sinceAfterStrict('6', z.unknown().optional()),
    signature: z.string().optional(),
    reason: since('7', z.string().optional()),
    isAutomatic: since('7', z.boolean().optional()),
  }),
  'tool-approval-response': z.looseObject({
    type: z.literal('tool-approval-response'),
    approvalId: z.string(),
    approved: z.boolean(),
    reason: z.string().optional(),
    providerExecuted: z.boolean().optional(),
    providerMetadata: optionalProviderMetadata,
  }),
  'tool-output-available': z.looseObject({
    type: z.literal('tool-output-available'),
    ...toolOutputFields,
    output: z.unknown(),
    preliminary: z.boolean().optional(),
  }),
  'tool-output-error': z.looseObject({
    type: z.literal('tool-output-error'),
    ...toolOutputFields,
    errorText: z.string(),
  }),
  'tool-output-denied': z.looseObject({ type: z.literal('tool-output-denied'), toolCallId: z.string() }),
  'source-url': z.looseObject({
    type: z.literal('source-url'),
    sourceId: z.string(),
    url: z.string(),
    title: z.string().optional(),
    providerMetadata: optionalProviderMetadata,
  }),
  'source-document': z.looseObject({
    type: z.literal('source-document'),
    sourceId: z.string(),
    mediaType: z.string(),
    title: z.string(),
    filename: z.string().optional(),
    providerMetadata: optionalProviderMetadata,
  }),
  file: z.looseObject({
    type: z.literal('file'),
    url: z.string(),
    mediaType: z.string(),
    providerMetadata: optionalProviderMetadata,
  }),
  'reasoning-file': z.looseObject({
    type: z.literal('reasoning-file'),
    url: z.string(),
    mediaType: z.string(),
    providerMetadata: optionalProviderMetadata,
  }),
  /** A user message injected while the assistant responds (v7). */
  'steering-message': z.looseObject({
    type: z.literal('steering-message'),
    id,
    parts: z.array(
      z.union([
        z.looseObject({ type: z.literal('text'), text: z.string(), providerMetadata: optionalProviderMetadata }),
        z.looseObject({
          type: z.literal('file'),
          mediaType: z.string(),
          url: z.string(),
          filename: z.string().optional(),
          providerReference: z.record(z.string(), z.string()).optional(),
          providerMetadata: optionalProviderMetadata,
        }),
      ]),
    ),
  }),
  custom: z.looseObject({ type: z.literal('custom'), kind: z.string(), providerMetadata: optionalProviderMetadata }),
  error: z.looseObject({ type: z.literal('error'), errorText: z.string() }),
  'message-metadata': z.looseObject({ type: z.literal('message-metadata'), messageMetadata: z.unknown() }),
};

/** `data-<name>` chunks: application data parts, replaced in the message by `id` unless transient. */
export const dataChunkSchema = z.looseObject({
  type: z.templateLiteral(['data-', z.string()]),
  id: z.string().optional(),
  data: z.unknown(),
  transient: z.boolean().optional(),
});

export type NamedChunkType = keyof typeof chunkSchemas;
export type DataChunk = z.infer<typeof dataChunkSchema>;
export type UIMessageChunk = { [K in NamedChunkType]: z.infer<(typeof chunkSchemas)[K]> }[NamedChunkType] | DataChunk;
export type ChunkOf<T extends NamedChunkType> = z.infer<(typeof chunkSchemas)[T]>;

/** Any chunk of any client version; the scenario format and the encoder are typed by it. */
export const uiMessageChunkSchema = z.union([...Object.values(chunkSchemas), dataChunkSchema]) as unknown as z.ZodType<UIMessageChunk>;

/** The client major version that first knows each chunk type. */
export const chunkTypeSince: Record<NamedChunkType, ClientVersion> = {
  start: '5',
  finish: '5',
  abort: '5',
  'start-step': '5',
  'finish-step': '5',
  'reset-step': '7',
  'text-start': '5',
  'text-delta': '5',
  'text-end': '5',
  'reasoning-start': '5',
  'reasoning-delta': '5',
  'reasoning-end': '5',
  'tool-input-start': '5',
  'tool-input-delta': '5',
  'tool-input-available': '5',
  'tool-input-error': '5',
  'tool-approval-request': '6',
  'tool-approval-response': '7',
  'tool-output-available': '5',
  'tool-output-error': '5',
  'tool-output-denied': '6',
  'source-url': '5',
  'source-document': '5',
  file: '5',
  'reasoning-file': '7',
  'steering-message': '7',
  custom: '7',
  error: '5',
  'message-metadata': '5',
};

export function isNamedChunkType(type: string): type is NamedChunkType {
  return Object.hasOwn(chunkSchemas, type);
}

export function isDataChunkType(type: string): type is `data-${string}` {
  return type.startsWith('data-');
}

/** The schema that validates chunks of `type`, or undefined for a type no client knows. */
export function schemaForType(type: string): z.ZodObject | undefined {
  if (isNamedChunkType(type)) return chunkSchemas[type];
  return isDataChunkType(type) ? dataChunkSchema : undefined;
}

export function versionAtLeast(version: ClientVersion, since: ClientVersion): boolean {
  return Number(version) >= Number(since);
}

function metaOf(type: string, field: string): FieldMeta | undefined {
  const fieldSchema = schemaForType(type)?.shape[field] as z.ZodType | undefined;
  if (!fieldSchema) return undefined;
  return fieldMeta.get(fieldSchema) ?? { since: '5', afterStrict: false };
}

/** The client major version that first knows `field` of chunks of `type` (undefined: none). */
export function fieldSince(type: string, field: string): ClientVersion | undefined {
  return metaOf(type, field)?.since;
}

/** Whether `field` of `type` arrived in `client`'s major after its strict releases, which reject it. */
export function fieldAfterStrict(type: string, field: string, client: ClientVersion): boolean {
  const meta = metaOf(type, field);
  return meta !== undefined && meta.afterStrict && meta.since === client;
}

/**
 * Client releases that reject fields they do not know (zod `strictObject`); later releases of
 * the same major accept them. Checked against installed releases in `schemas/chunks.test.ts`.
 */
export const strictClientReleases = ['5.0.0–5.0.216', '6.0.0–6.0.230', '7.0.0–7.0.31'] as const;
