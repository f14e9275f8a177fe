/**
 * The streams the panel tests and the README screenshot show, as mock-server scenarios: a
 * tool-calling reply with reasoning, a source and a data part that ends without `finish` (so it
 * carries findings), a clean text reply, and a long stream for the virtualized list. Pauses make
 * the timing view real.
 *
 * A stream is a list of parts — steps sent together, then a pause — so that a test can hold one
 * back before its last part (`demoScenario`'s `hold`) and watch the stream while it is live.
 */
import { encodeChunk } from '../../../protocol/encoder.js';
import type { Step } from '../../../protocol/scenarios/schema.js';
import type { UIMessageChunk } from '../../../protocol/schemas/chunks.js';
import type { FindingCode } from '../../../protocol/schemas/report.js';

type Part = { steps: Step[]; pauseMs: number };

const chunk = (value: UIMessageChunk, pauseMs = 15): Part => ({ steps: [{ step: 'chunk', chunk: value }], pauseMs });
const heartbeat = (pauseMs: number): Part => ({ steps: [{ step: 'heartbeat' }], pauseMs });
const done: Part = { steps: [{ step: 'done' }], pauseMs: 0 };

function deltas(type: 'text-delta' | 'reasoning-delta', id: string, pieces: string[], pauseMs: number): Part[] {
  return pieces.map((delta) => chunk({ type, id, delta }, pauseMs));
}

/** The reply with findings: an extra field on the tool output (warning), no `finish` (error), no `[DONE]` (info). */
function toolReplyWithFindings(): Part[] {
  const outputWithExtraField = { type: 'tool-output-available', toolCallId: 'call_1', output: { tempC: 21, sky: 'clear' }, latencyMs: 412 };
  return [
    chunk({ type: 'start', messageId: 'msg_7f3a' }, 40),
    chunk({ type: 'start-step' }),
    chunk({ type: 'reasoning-start', id: 'r1' }),
    ...deltas('reasoning-delta', 'r1', ['The user asks for the weather in Berlin; ', 'call the weather tool ', 'with the city.'], 20),
    chunk({ type: 'reasoning-end', id: 'r1' }),
    chunk({ type: 'tool-input-start', toolCallId: 'call_1', toolName: 'weather' }),
    chunk({ type: 'tool-input-delta', toolCallId: 'call_1', inputTextDelta: '{"city":' }),
    chunk({ type: 'tool-input-delta', toolCallId: 'call_1', inputTextDelta: '"Berlin"}' }),
    chunk({ type: 'tool-input-available', toolCallId: 'call_1', toolName: 'weather', input: { city: 'Berlin' } }, 250),
    heartbeat(250),
    heartbeat(120),
    // A chunk step cannot carry a field the protocol does not know: the finding needs raw bytes.
    { steps: [{ step: 'raw', data: encodeChunk(outputWithExtraField as UIMessageChunk) }], pauseMs: 15 },
    chunk({ type: 'finish-step' }),
    chunk({ type: 'start-step' }),
    chunk({ type: 'text-start', id: 't1' }),
    ...deltas('text-delta', 't1', ['It is ', '21 °C ', 'and clear ', 'in Berlin ', 'right now.'], 30),
    chunk({ type: 'text-end', id: 't1' }),
    chunk({ type: 'source-url', sourceId: 'src_1', url: 'https://weather.example/berlin', title: 'Weather service' }),
    chunk({ type: 'data-status', id: 'status', data: { phase: 'answered', tools: 1 } }),
    chunk({ type: 'finish-step' }),
  ];
}

/** A clean reply: the client accepts every byte, no findings. */
function cleanTextReply(): Part[] {
  return [
    chunk({ type: 'start', messageId: 'msg_1c2d' }, 30),
    chunk({ type: 'start-step' }),
    chunk({ type: 'text-start', id: 't1' }),
    ...deltas('text-delta', 't1', ['Hello! ', 'How can I help ', 'you today?'], 20),
    chunk({ type: 'text-end', id: 't1' }),
    chunk({ type: 'finish-step' }),
    chunk({ type: 'finish', finishReason: 'stop' }),
    done,
  ];
}

/** `count` text deltas written in batches of 500: enough rows to prove the list is virtualized. */
function longReply(count: number): Part[] {
  const batches: Part[] = [chunk({ type: 'start' }, 0), chunk({ type: 'text-start', id: 't' }, 0)];
  for (let start = 0; start < count; start += 500) {
    let data = '';
    for (let index = start; index < Math.min(count, start + 500); index++) data += encodeChunk({ type: 'text-delta', id: 't', delta: `w${index} ` });
    batches.push({ steps: [{ step: 'raw', data }], pauseMs: 0 });
  }
  return [...batches, chunk({ type: 'text-end', id: 't' }, 0), chunk({ type: 'finish' }, 0), done];
}

/** A reply whose `finish` has `finishReason: "unknown"`: valid for ai 5 clients only, so its verdict follows the client setting. */
function unknownReasonReply(): Part[] {
  return [
    chunk({ type: 'start' }, 5),
    chunk({ type: 'text-start', id: 't1' }, 5),
    ...deltas('text-delta', 't1', ['Fine.'], 5),
    chunk({ type: 'text-end', id: 't1' }, 5),
    chunk({ type: 'finish', finishReason: 'unknown' }, 5),
    done,
  ];
}

/** Words split across text deltas ("hel" + "lo"), and markup in a delta that must show as text. */
function splitWordsReply(): Part[] {
  return [
    chunk({ type: 'start' }, 5),
    chunk({ type: 'text-start', id: 't1' }, 5),
    ...deltas('text-delta', 't1', ['Say hel', 'lo to ', 'the <b>world</b>'], 5),
    chunk({ type: 'text-end', id: 't1' }, 5),
    chunk({ type: 'finish' }, 5),
    done,
  ];
}

/**
 * Two steps with a 1.5 s silence (one heartbeat in it) inside the first; the last part — the end
 * of the second step — is the one a `hold` keeps back, so a stall can be watched while it lasts.
 */
function steppedWithStallReply(): Part[] {
  return [
    chunk({ type: 'start' }, 20),
    chunk({ type: 'start-step' }, 20),
    chunk({ type: 'text-start', id: 't1' }, 20),
    chunk({ type: 'text-delta', id: 't1', delta: 'Thinking' }, 400),
    heartbeat(1100),
    chunk({ type: 'text-delta', id: 't1', delta: ' about it.' }, 20),
    chunk({ type: 'text-end', id: 't1' }, 20),
    chunk({ type: 'finish-step' }, 20),
    chunk({ type: 'start-step' }, 20),
    chunk({ type: 'text-start', id: 't2' }, 20),
    chunk({ type: 'text-delta', id: 't2', delta: 'Second step' }, 20),
    {
      steps: [{ step: 'chunk', chunk: { type: 'text-end', id: 't2' } }, { step: 'chunk', chunk: { type: 'finish-step' } }, { step: 'chunk', chunk: { type: 'finish', finishReason: 'stop' } }, { step: 'done' }],
      pauseMs: 0,
    },
  ];
}

const demoStreams = {
  tool: { parts: toolReplyWithFindings, expect: ['extra-field', 'missing-finish', 'missing-done'] },
  clean: { parts: cleanTextReply, expect: [] },
  long: { parts: () => longReply(5000), expect: [] },
  // Its finding depends on the client version the panel judges by; for ai 5 there is none.
  'unknown-reason': { parts: unknownReasonReply, expect: [] },
  'split-words': { parts: splitWordsReply, expect: [] },
  'stepped-stall': { parts: steppedWithStallReply, expect: [] },
} satisfies Record<string, { parts: () => Part[]; expect: FindingCode[] }>;

export type DemoStream = keyof typeof demoStreams;

/** How a request wants a demo stream played. */
export type DemoOptions = {
  /** Stop before the last part until this hold is released (a scenario name: lowercase, digits, dashes). */
  hold?: string;
  /** Send the response headers this late (a server that thinks before answering). */
  headersDelayMs?: number;
};

/** The scenario name of a stream played with these options, e.g. `tool-hold-live-1-wait-300`. */
export function demoScenarioName(stream: DemoStream, options: DemoOptions = {}): string {
  return [stream, ...(options.hold ? ['hold', options.hold] : []), ...(options.headersDelayMs ? ['wait', String(options.headersDelayMs)] : [])].join('-');
}

/** The scenario object of a demo stream: its parts with their pauses as `delay` steps, a `hold` before the last. */
export function demoScenario(stream: DemoStream, options: DemoOptions = {}): object {
  const { parts, expect } = demoStreams[stream];
  const all = parts();
  const steps = all.flatMap((part, position): Step[] => [
    ...(options.hold && position === all.length - 1 ? [{ step: 'hold' as const, name: options.hold }] : []),
    ...part.steps,
    ...(part.pauseMs > 0 ? [{ step: 'delay' as const, ms: part.pauseMs }] : []),
  ]);
  return { name: demoScenarioName(stream, options), expect, ...(options.headersDelayMs ? { headersDelayMs: options.headersDelayMs } : {}), steps };
}

export const demoStreamNames = Object.keys(demoStreams) as DemoStream[];
