/**
 * The streams the panel tests and the README screenshot show: a tool-calling reply with reasoning,
 * a source and a data part that ends without `finish` (so it carries findings), a clean text reply,
 * and a long stream for the virtualized list. Pauses make the timing view real.
 */
import { encodeChunk, encodeDone, encodeHeartbeat } from '../../../protocol/encoder.js';
import type { UIMessageChunk } from '../../../protocol/schemas/chunks.js';

export type Part = { text: string; pauseMs: number };

const chunk = (value: UIMessageChunk | Record<string, unknown>, pauseMs = 15): Part => ({
  text: encodeChunk(value as UIMessageChunk),
  pauseMs,
});

function deltas(type: 'text-delta' | 'reasoning-delta', id: string, pieces: string[], pauseMs: number): Part[] {
  return pieces.map((delta) => chunk({ type, id, delta }, pauseMs));
}

/** The reply with findings: an extra field on the tool output (warning), no `finish` (error), no `[DONE]` (info). */
export function toolReplyWithFindings(): Part[] {
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
    { text: encodeHeartbeat(), pauseMs: 250 },
    { text: encodeHeartbeat(), pauseMs: 120 },
    chunk({ type: 'tool-output-available', toolCallId: 'call_1', output: { tempC: 21, sky: 'clear' }, latencyMs: 412 }),
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
export function cleanTextReply(): Part[] {
  return [
    chunk({ type: 'start', messageId: 'msg_1c2d' }, 30),
    chunk({ type: 'start-step' }),
    chunk({ type: 'text-start', id: 't1' }),
    ...deltas('text-delta', 't1', ['Hello! ', 'How can I help ', 'you today?'], 20),
    chunk({ type: 'text-end', id: 't1' }),
    chunk({ type: 'finish-step' }),
    chunk({ type: 'finish', finishReason: 'stop' }),
    { text: encodeDone(), pauseMs: 0 },
  ];
}

/** `count` text deltas written in batches: enough rows to prove the list is virtualized. */
export function longReply(count: number): Part[] {
  const batches: Part[] = [chunk({ type: 'start' }, 0), chunk({ type: 'text-start', id: 't' }, 0)];
  for (let start = 0; start < count; start += 500) {
    let text = '';
    for (let index = start; index < Math.min(count, start + 500); index++) text += encodeChunk({ type: 'text-delta', id: 't', delta: `w${index} ` });
    batches.push({ text, pauseMs: 0 });
  }
  return [...batches, chunk({ type: 'text-end', id: 't' }, 0), chunk({ type: 'finish' }, 0), { text: encodeDone(), pauseMs: 0 }];
}

/** A reply whose `finish` has `finishReason: "unknown"`: valid for ai 5 clients only, so its verdict follows the client setting. */
export function unknownReasonReply(): Part[] {
  return [
    chunk({ type: 'start' }, 5),
    chunk({ type: 'text-start', id: 't1' }, 5),
    ...deltas('text-delta', 't1', ['Fine.'], 5),
    chunk({ type: 'text-end', id: 't1' }, 5),
    chunk({ type: 'finish', finishReason: 'unknown' }, 5),
    { text: encodeDone(), pauseMs: 0 },
  ];
}

/** Words split across text deltas ("hel" + "lo"), and markup in a delta that must show as text. */
export function splitWordsReply(): Part[] {
  return [
    chunk({ type: 'start' }, 5),
    chunk({ type: 'text-start', id: 't1' }, 5),
    ...deltas('text-delta', 't1', ['Say hel', 'lo to ', 'the <b>world</b>'], 5),
    chunk({ type: 'text-end', id: 't1' }, 5),
    chunk({ type: 'finish' }, 5),
    { text: encodeDone(), pauseMs: 0 },
  ];
}

/**
 * Two steps with a 1.5 s silence (one heartbeat in it) inside the first; the last part — the end
 * of the second step — is the one a `hold` keeps back, so a stall can be watched while it lasts.
 */
export function steppedWithStallReply(): Part[] {
  return [
    chunk({ type: 'start' }, 20),
    chunk({ type: 'start-step' }, 20),
    chunk({ type: 'text-start', id: 't1' }, 20),
    chunk({ type: 'text-delta', id: 't1', delta: 'Thinking' }, 400),
    { text: encodeHeartbeat(), pauseMs: 1100 },
    chunk({ type: 'text-delta', id: 't1', delta: ' about it.' }, 20),
    chunk({ type: 'text-end', id: 't1' }, 20),
    chunk({ type: 'finish-step' }, 20),
    chunk({ type: 'start-step' }, 20),
    chunk({ type: 'text-start', id: 't2' }, 20),
    chunk({ type: 'text-delta', id: 't2', delta: 'Second step' }, 20),
    {
      text: [{ type: 'text-end', id: 't2' }, { type: 'finish-step' }, { type: 'finish', finishReason: 'stop' }].map((value) => encodeChunk(value as UIMessageChunk)).join('') + encodeDone(),
      pauseMs: 0,
    },
  ];
}
