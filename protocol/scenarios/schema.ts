/**
 * The scenario file format: response status and headers, then a script of steps. Every chunk a
 * step sends is typed by the protocol's `uiMessageChunkSchema`, so a scenario cannot serve an
 * invalid chunk by accident; broken bytes need an explicit `raw` step.
 */
import { z } from 'zod';
import { uiMessageChunkSchema } from '../schemas/chunks.js';
import { dialectSchema, findingCodeSchema, usageSchema, type Dialect, type FindingCode } from '../schemas/report.js';
import { limits } from '../limits.js';
import { decodesAsBase64, deeperThan } from './playable.js';

const ms = z.number().int().nonnegative();
const positive = z.number().positive();

const chunkStep = z
  .strictObject({
    step: z.literal('chunk'),
    chunk: uiMessageChunkSchema,
    /** An SSE `id:` line (AutoGPT sends `<turn>:<redis-id>`). */
    id: z.string().optional(),
    /** An SSE `event:` line. */
    event: z.string().optional(),
  })
  .describe('Send one chunk as a `data:` event.');

const delayStep = z
  .strictObject({
    step: z.literal('delay'),
    ms,
    /** Up to this many ms more or less, drawn from the scenario's seeded generator. */
    jitter: ms.optional(),
  })
  .describe('Wait before the next step.');

const commentStep = z.strictObject({ step: z.literal('comment'), text: z.string() }).describe('Send an SSE `:` comment.');
const heartbeatStep = z.strictObject({ step: z.literal('heartbeat') }).describe('Send a `: heartbeat` comment.');
const usageStep = z
  .strictObject({ step: z.literal('usage'), usage: usageSchema })
  .describe('Send AutoGPT\'s `: usage {json}` comment.');

/** How fast text sugar streams: `rate` units per second; a delta carries `perDelta` units. */
const rateFields = {
  rate: positive.optional(),
  unit: z.enum(['chars', 'tokens']).optional(),
  perDelta: z.number().int().positive().optional(),
};

const partStep = (kind: 'text' | 'reasoning') =>
  z
    .strictObject({
      step: z.literal(kind),
      text: z.string(),
      /** Part id; defaults to `<kind>-<n>` numbered within the scenario. */
      id: z.string().optional(),
      /** Repeat `text` this many times (large payloads without a large file). */
      repeat: z.number().int().positive().optional(),
      ...rateFields,
    })
    .superRefine((step, context) => {
      const chars = step.text.length * (step.repeat ?? 1);
      if (chars > limits.scenarioPartChars) {
        context.addIssue({
          code: 'custom',
          path: [step.repeat === undefined ? 'text' : 'repeat'],
          message: `${chars.toLocaleString('en')} characters of text; at most ${limits.scenarioPartChars.toLocaleString('en')} can play`,
        });
      }
    })
    .describe(`Stream a ${kind} part: ${kind}-start, deltas at a rate (no rate: all at once), ${kind}-end.`);

const toolStep = z
  .strictObject({
    step: z.literal('tool'),
    toolName: z.string(),
    toolCallId: z.string().optional(),
    input: z.unknown(),
    /** Stream the input JSON as `tool-input-delta`s at this rate (omitted: input sent whole). */
    inputRate: positive.optional(),
    inputUnit: z.enum(['chars', 'tokens']).optional(),
    inputPerDelta: z.number().int().positive().optional(),
    /** How long the tool runs before its output. */
    durationMs: ms.optional(),
    /** A `: heartbeat` comment this often while the tool runs. */
    heartbeatMs: z.number().int().positive().optional(),
    output: z.unknown().optional(),
    /** Sent as `tool-output-error` instead of an output. */
    errorText: z.string().optional(),
    /** Leave the tool running: no output or error is sent. */
    noOutput: z.boolean().optional(),
    dynamic: z.boolean().optional(),
  })
  .describe('A tool call: tool-input-start, input deltas, tool-input-available, a run with heartbeats, then its output or error.');

const rawStep = z
  .strictObject({
    step: z.literal('raw'),
    data: z.string(),
    encoding: z.enum(['utf8', 'base64']).optional(),
  })
  .superRefine((step, context) => {
    if (step.encoding === 'base64' && !decodesAsBase64(step.data)) context.addIssue({ code: 'custom', path: ['data'], message: 'not valid base64' });
  })
  .describe('Send these bytes exactly as written (malformed on purpose).');

const doneStep = z.strictObject({ step: z.literal('done') }).describe('Send `data: [DONE]`.');
const disconnectStep = z.strictObject({ step: z.literal('disconnect') }).describe('Drop the connection mid-stream.');
/** Scenario and hold names: they appear in URLs (`/sse/:scenario`, `/api/holds/:name/release`). */
export const scenarioNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

const holdStep = z
  .strictObject({ step: z.literal('hold'), name: scenarioNameSchema })
  .describe('Send nothing more until a test releases this hold by name (`server.release(name)`, or `POST /api/holds/:name/release`), then go on.');

const stallStep = z
  .strictObject({ step: z.literal('stall'), heartbeatMs: z.number().int().positive().optional() })
  .describe('Never finish: hold the connection open, with heartbeats if given.');

export const stepSchema = z.discriminatedUnion('step', [
  chunkStep,
  delayStep,
  commentStep,
  heartbeatStep,
  usageStep,
  partStep('text'),
  partStep('reasoning'),
  toolStep,
  rawStep,
  doneStep,
  disconnectStep,
  stallStep,
  holdStep,
]).superRefine((step, context) => {
  for (const [field, value] of Object.entries(step)) {
    if (deeperThan(value, limits.scenarioJsonDepth)) context.addIssue({ code: 'custom', path: [field], message: `nested deeper than ${limits.scenarioJsonDepth.toLocaleString('en')} levels, which cannot be sent` });
  }
});
export type Step = z.infer<typeof stepSchema>;

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Defaults to the file name without `.json`. */
  name: scenarioNameSchema.optional(),
  description: z.string().optional(),
  dialect: dialectSchema.optional(),
  /** The finding codes this stream is meant to produce; empty for a healthy stream. */
  expect: z.array(findingCodeSchema),
  status: z.number().int().min(200).max(599).optional(),
  /** Merged over the UI message stream headers. */
  headers: z.record(z.string(), z.string()).optional(),
  /** Wait this long before sending the status and headers: a backend that thinks before it answers. */
  headersDelayMs: ms.optional(),
  /** Seed of the jitter generator: the same seed replays the same timing. */
  seed: z.number().int().optional(),
  steps: z.array(stepSchema).min(1),
  /** What a stop request sends before the stream closes; default `abort` then `[DONE]`. */
  onStop: z.array(stepSchema).optional(),
  /**
   * What the response sends instead of `steps` when the posted chat ends with the assistant's
   * message: useChat continuing it after a tool approval or a client-side tool's output.
   */
  continuation: z
    .strictObject({
      steps: z.array(stepSchema).min(1),
      /** Sent instead when the continued message holds a denied tool approval. */
      denied: z.array(stepSchema).min(1).optional(),
    })
    .optional(),
});
export type ScenarioFile = z.infer<typeof scenarioSchema>;
/** A validated scenario with its name settled. */
export type Scenario = ScenarioFile & { name: string };

/** How a scenario is listed (`GET /api/scenarios`, `scenarios list --json`, the demo's picker). */
export type ScenarioSummary = { name: string; description: string; dialect: Dialect; expect: FindingCode[] };

export function scenarioSummary(scenario: Scenario): ScenarioSummary {
  return { name: scenario.name, description: scenario.description ?? '', dialect: scenario.dialect ?? 'ai-sdk', expect: scenario.expect };
}

/** The JSON Schema editors use for autocompletion (`streamscope scenarios schema`). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
