/**
 * The decoder's fast path for the chunks most events carry: text and reasoning deltas exactly as
 * AI SDK servers write them, `{"type":"text-delta","id":"…","delta":"…"}` and nothing more. One
 * native regex test stands in for JSON.parse, the prototype-key check and validation, which cost
 * more than everything else the decoder does per event. Any other text (more fields, another key
 * order, an escape in the id) gets null and takes the general path; tests prove both paths agree.
 *
 * The delta it returns may be a slice of the response's text, keeping that text alive as long as
 * it lives: the reassembler joins text deltas into new strings when their part ends. Tool-input
 * deltas stay on the general path, because the client keeps their concatenation for the whole
 * message.
 */
import type { UIMessageChunk } from './schemas/chunks.js';

export type PlainDelta = Extract<UIMessageChunk, { type: 'text-delta' | 'reasoning-delta' }>;

// The two prefixes differ at index 9: "t"ext-delta, "r"easoning-delta.
const textPrefix = '{"type":"text-delta","id":"';
const reasoningPrefix = '{"type":"reasoning-delta","id":"';
const deltaKey = '","delta":"';

// A JSON string's body: any character but `"`, `\` and controls, or an escape. The id admits no
// escape, so its text is its value; the delta's escapes are left to JSON.parse.
const plainDelta = /^\{"type":"(?:text|reasoning)-delta","id":"[^"\\\x00-\x1f]*","delta":"[^"\\\x00-\x1f]*(?:\\.[^"\\\x00-\x1f]*)*"\}$/;

/** The delta chunk `data` holds, when it is a plain one; null sends it down the general path. */
export function readPlainDelta(data: string): PlainDelta | null {
  // `test` and offsets rather than `exec`: a match array per event was most of the fast path's garbage.
  if (!plainDelta.test(data)) return null;
  const text = data.charCodeAt(9) === 116;
  const idStart = text ? textPrefix.length : reasoningPrefix.length;
  const idEnd = data.indexOf('"', idStart);
  const deltaStart = idEnd + deltaKey.length;
  const deltaEnd = data.length - 2;
  let delta = data.slice(deltaStart, deltaEnd);
  if (delta.includes('\\')) {
    // JSON.parse judges the escapes (`\u` needs four hex digits) in the literal, quotes included.
    try {
      delta = JSON.parse(data.slice(deltaStart - 1, deltaEnd + 1)) as string;
    } catch {
      return null;
    }
  }
  const id = data.slice(idStart, idEnd);
  return text ? { type: 'text-delta', id, delta } : { type: 'reasoning-delta', id, delta };
}
