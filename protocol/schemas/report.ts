/**
 * The decode report (DESIGN.md "The decode report"): what `streamscope decode --json` prints,
 * what `decodeStream()` resolves to and what the DevTools panel renders. Types are inferred here
 * and nowhere else.
 */
import { z } from 'zod';

export const dialects = ['ai-sdk', 'autogpt'] as const;
export const dialectSchema = z.enum(dialects);
export type Dialect = z.infer<typeof dialectSchema>;

/** Worst first: the one order of severities (sorting, thresholds, badges). */
export const severities = ['error', 'warning', 'info'] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;

/** Negative when `a` is worse than `b`, zero when equal: sorts worst first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severities.indexOf(a) - severities.indexOf(b);
}

export const findingCodes = {
  'missing-finish': 'error',
  'duplicate-finish': 'error',
  'chunk-after-finish': 'error',
  'invalid-json': 'error',
  'schema-violation': 'error',
  'unknown-type': 'error',
  'orphan-delta': 'error',
  'orphan-tool-output': 'error',
  'unclosed-part': 'warning',
  'tool-without-output': 'info',
  'step-mismatch': 'warning',
  'error-chunk': 'warning',
  'extra-field': 'warning',
  'finish-reason-unsupported': 'warning',
  'missing-done': 'info',
  stall: 'warning',
  'sse-format': 'warning',
  'wrong-protocol': 'error',
  'header-problem': 'warning',
  'buffered-delivery': 'warning',
  'duplicate-start': 'warning',
  'step-closes-open-part': 'warning',
  'tool-input-invalid': 'warning',
  'tool-output-invalid': 'warning',
  'data-invalid': 'warning',
  'metadata-invalid': 'warning',
  'json-too-deep': 'error',
} as const satisfies Record<string, Severity>;
export type FindingCode = keyof typeof findingCodes;
export const findingCodeSchema = z.enum(Object.keys(findingCodes) as [FindingCode, ...FindingCode[]]);

export const findingSchema = z.object({
  code: findingCodeSchema,
  severity: severitySchema,
  /** Index of the event the finding is about; null when it is about the stream as a whole. */
  event: z.number().int().nullable(),
  message: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

export const recordKinds = ['chunk', 'comment', 'done', 'invalid-json', 'invalid-chunk', 'unknown-type'] as const;
export const recordKindSchema = z.enum(recordKinds);
export type RecordKind = z.infer<typeof recordKindSchema>;

export const schemaIssueSchema = z.object({ path: z.string(), message: z.string() });
export type SchemaIssue = z.infer<typeof schemaIssueSchema>;

export const usageSchema = z.looseObject({
  promptTokens: z.number().optional(),
  completionTokens: z.number().optional(),
  totalTokens: z.number().optional(),
});
export type Usage = z.infer<typeof usageSchema>;

export const eventRecordSchema = z.object({
  index: z.number().int(),
  kind: recordKindSchema,
  /** The chunk's `type` where the payload had one. */
  type: z.string().nullable(),
  /** The event's lines as they arrived, line ends normalised to `\n`. */
  raw: z.string(),
  /** Milliseconds since the response started, where timing is known. */
  at: z.number().nullable(),
  sse: z.object({ event: z.string().nullable(), id: z.string().nullable() }),
  /** The parsed payload (`chunk` and `invalid-chunk` and `unknown-type` records). */
  chunk: z.unknown().optional(),
  /** The comment text, without the leading colon (comment records). */
  comment: z.string().optional(),
  /** Token usage carried by the event (AutoGPT's `usage` chunk and `: usage {json}` comment). */
  usage: usageSchema.optional(),
  issues: z.array(schemaIssueSchema),
});
export type EventRecord = z.infer<typeof eventRecordSchema>;

/**
 * How the stream ended: the server's `finish` or `abort`; `error` where the client stopped on an
 * `error` chunk or a chunk it fails on; `cut` when the bytes stopped without any of those;
 * `cancelled` when the reader stopped first (the page's own stop, a timeout): not a server fault.
 */
export const terminals = ['finish', 'abort', 'error', 'cut', 'cancelled'] as const;
export const terminalSchema = z.enum(terminals);
export type Terminal = z.infer<typeof terminalSchema>;

export const summarySchema = z.object({
  events: z.number().int(),
  chunks: z.number().int(),
  comments: z.number().int(),
  done: z.boolean(),
  finished: z.boolean(),
  byType: z.record(z.string(), z.number().int()),
  durationMs: z.number().nullable(),
  firstChunkMs: z.number().nullable(),
  dialect: dialectSchema,
  usage: usageSchema.nullable(),
  /** Null while the stream is still being read. */
  terminal: terminalSchema.nullable(),
});
export type Summary = z.infer<typeof summarySchema>;

const uiPartSchema = z.looseObject({ type: z.string() });
export const uiMessageSchema = z.looseObject({
  id: z.string(),
  role: z.literal('assistant'),
  metadata: z.unknown().optional(),
  parts: z.array(uiPartSchema),
});
export type UIMessagePart = z.infer<typeof uiPartSchema> & Record<string, unknown>;
export type UIMessage = Omit<z.infer<typeof uiMessageSchema>, 'parts'> & { parts: UIMessagePart[] };

export const decodeReportSchema = z.object({
  events: z.array(eventRecordSchema),
  summary: summarySchema,
  findings: z.array(findingSchema),
  message: uiMessageSchema,
});
export type DecodeReport = Omit<z.infer<typeof decodeReportSchema>, 'message'> & { message: UIMessage };
