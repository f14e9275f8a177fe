/**
 * A scenario's steps → a lazy timeline of actions, each due `at` ms after the stream started.
 * Lazy so that a stall with heartbeats can run forever and a thousand streams hold no copies of
 * their scripts. Every byte comes from the protocol encoder, except `raw` steps.
 */
import type { Dialect } from '../schemas/report.js';
import type { UIMessageChunk } from '../schemas/chunks.js';
import { bytesOfBase64 } from '../bytes.js';
import { encodeChunk, encodeComment, encodeDone, encodeHeartbeat, encodeUsageComment } from '../encoder.js';
import { seededRandom } from './random.js';
import { splitText, type Unit } from './split.js';
import type { Step } from './schema.js';

export type Action =
  | { at: number; kind: 'send'; bytes: string | Uint8Array }
  /** The script is over: close the response. */
  | { at: number; kind: 'close' }
  /** Drop the connection without a proper end. */
  | { at: number; kind: 'disconnect' }
  /** Keep the connection open and send nothing more, ever. */
  | { at: number; kind: 'hold' }
  /** Send nothing more until the hold `name` is released; later actions are timed from then. */
  | { at: number; kind: 'wait-release'; name: string }
  /** A step could not play (validation rules out what it can, see `playable.ts`): end the stream, saying why. */
  | { at: number; kind: 'fail'; reason: string };

export type ExpandOptions = {
  dialect?: Dialect;
  seed?: number;
  /** The JSON path of `steps` in the scenario, for failure reasons (default `$.steps`). */
  path?: string;
};

type Cursor = { at: number; readonly dialect: Dialect; readonly random: () => number; readonly counters: Map<string, number> };

function nextId(cursor: Cursor, prefix: string): string {
  const count = (cursor.counters.get(prefix) ?? 0) + 1;
  cursor.counters.set(prefix, count);
  return `${prefix}-${count}`;
}

function send(cursor: Cursor, bytes: string | Uint8Array): Action {
  return { at: cursor.at, kind: 'send', bytes };
}

function chunk(cursor: Cursor, value: UIMessageChunk, sse: { id?: string; event?: string } = {}): Action {
  return send(cursor, encodeChunk(value, { dialect: cursor.dialect, ...sse }));
}

/** Pieces of `text` and the ms between them for a rate in units per second. */
function pacing(text: string, rate: number | undefined, unit: Unit | undefined, perDelta: number | undefined) {
  const size = perDelta ?? (rate === undefined ? Infinity : 1);
  const pieces = splitText(text, unit ?? 'tokens', size);
  const interval = rate === undefined ? 0 : (Number.isFinite(size) ? size : 1) / rate * 1000;
  return { pieces, interval };
}

function* part(cursor: Cursor, step: Extract<Step, { step: 'text' | 'reasoning' }>): Generator<Action> {
  const id = step.id ?? nextId(cursor, step.step);
  const { pieces, interval } = pacing(step.text.repeat(step.repeat ?? 1), step.rate, step.unit, step.perDelta);
  yield chunk(cursor, { type: `${step.step}-start`, id });
  for (const delta of pieces) {
    cursor.at += interval;
    yield chunk(cursor, { type: `${step.step}-delta`, id, delta });
  }
  yield chunk(cursor, { type: `${step.step}-end`, id });
}

function* tool(cursor: Cursor, step: Extract<Step, { step: 'tool' }>): Generator<Action> {
  const toolCallId = step.toolCallId ?? nextId(cursor, 'call');
  const call = { toolCallId, toolName: step.toolName, ...(step.dynamic === undefined ? {} : { dynamic: step.dynamic }) };
  yield chunk(cursor, { type: 'tool-input-start', ...call });
  if (step.inputRate !== undefined) {
    const { pieces, interval } = pacing(JSON.stringify(step.input ?? {}), step.inputRate, step.inputUnit ?? 'chars', step.inputPerDelta);
    for (const inputTextDelta of pieces) {
      cursor.at += interval;
      yield chunk(cursor, { type: 'tool-input-delta', toolCallId, inputTextDelta });
    }
  }
  yield chunk(cursor, { type: 'tool-input-available', ...call, input: step.input ?? {} });
  const started = cursor.at;
  const duration = step.durationMs ?? 0;
  if (step.heartbeatMs !== undefined) {
    for (let beat = step.heartbeatMs; beat < duration; beat += step.heartbeatMs) {
      cursor.at = started + beat;
      yield send(cursor, encodeHeartbeat());
    }
  }
  cursor.at = started + duration;
  if (step.noOutput) return;
  if (step.errorText !== undefined) yield chunk(cursor, { type: 'tool-output-error', toolCallId, errorText: step.errorText });
  else yield chunk(cursor, { type: 'tool-output-available', toolCallId, output: step.output ?? null });
}

function* stall(cursor: Cursor, heartbeatMs: number | undefined): Generator<Action> {
  if (heartbeatMs === undefined) {
    yield { at: cursor.at, kind: 'hold' };
    return;
  }
  for (;;) {
    cursor.at += heartbeatMs;
    yield send(cursor, encodeHeartbeat());
  }
}

function delay(cursor: Cursor, ms: number, jitter: number | undefined): void {
  const offset = jitter ? (cursor.random() * 2 - 1) * jitter : 0;
  cursor.at += Math.max(0, ms + offset);
}

/** One step's actions; returns true when the stream ends there. */
function* stepActions(cursor: Cursor, step: Step): Generator<Action, boolean> {
  switch (step.step) {
    case 'chunk':
      yield chunk(cursor, step.chunk, { id: step.id, event: step.event });
      return false;
    case 'delay':
      delay(cursor, step.ms, step.jitter);
      return false;
    case 'comment':
      yield send(cursor, encodeComment(step.text));
      return false;
    case 'heartbeat':
      yield send(cursor, encodeHeartbeat());
      return false;
    case 'usage':
      yield send(cursor, encodeUsageComment(step.usage));
      return false;
    case 'text':
    case 'reasoning':
      yield* part(cursor, step);
      return false;
    case 'tool':
      yield* tool(cursor, step);
      return false;
    case 'raw':
      yield send(cursor, step.encoding === 'base64' ? bytesOfBase64(step.data) : step.data);
      return false;
    case 'done':
      yield send(cursor, encodeDone());
      return false;
    case 'disconnect':
      yield { at: cursor.at, kind: 'disconnect' };
      return true;
    case 'stall':
      yield* stall(cursor, step.heartbeatMs);
      return true;
    case 'hold':
      yield { at: cursor.at, kind: 'wait-release', name: step.name };
      return false;
  }
}

/**
 * The timeline of `steps`, ending with `close` unless a step ended the stream first. A step that
 * throws while expanding ends it with a `fail` action naming the step, never an exception.
 */
export function* expandSteps(steps: readonly Step[], options: ExpandOptions = {}): Generator<Action> {
  const cursor: Cursor = { at: 0, dialect: options.dialect ?? 'ai-sdk', random: seededRandom(options.seed ?? 1), counters: new Map() };
  for (const [index, step] of steps.entries()) {
    try {
      if (yield* stepActions(cursor, step)) return;
    } catch (error) {
      yield { at: cursor.at, kind: 'fail', reason: `${options.path ?? '$.steps'}[${index}] (${step.step}) could not play: ${error instanceof Error ? error.message : String(error)}` };
      return;
    }
  }
  yield { at: cursor.at, kind: 'close' };
}
