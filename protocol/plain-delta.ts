/**
 * The decoder's fast path for the chunk most events carry: a text or reasoning delta exactly as
 * AI SDK servers write it, `{"type":"text-delta","id":"…","delta":"…"}` and nothing more. One
 * native regex match stands in for JSON.parse, the prototype-key check and validation, which cost
 * more than everything else the decoder does per event. Any other text (more fields, another key
 * order, an escape in the id) gets null and takes the general path; tests prove both agree.
 */
import type { UIMessageChunk } from './schemas/chunks.js';

export type PlainDelta = Extract<UIMessageChunk, { type: 'text-delta' | 'reasoning-delta' }>;

// A JSON string's body is any character but `"`, `\` and controls, or an escape. The id admits no
// escape, so its text is its value; the delta's escapes are left to JSON.parse (see below).
const plainDelta = /^\{"type":"(?:text|reasoning)-delta","id":"[^"\\\x00-\x1f]*","delta":"[^"\\\x00-\x1f]*(?:\\.[^"\\\x00-\x1f]*)*"\}$/;

const textPrefix = '{"type":"text-delta","id":"'.length;
const reasoningPrefix = '{"type":"reasoning-delta","id":"'.length;
const betweenIdAndDelta = '","delta":"'.length;

/** The delta chunk `data` holds, when it is a plain one; null sends it down the general path. */
export function readPlainDelta(data: string): PlainDelta | null {
  // `test` and fixed offsets rather than `exec`: a match array per event was a quarter of the
  // decoder's garbage.
  if (!plainDelta.test(data)) return null;
  const text = data.charCodeAt(9) === 116; /* t */
  const idStart = text ? textPrefix : reasoningPrefix;
  const idEnd = data.indexOf('"', idStart);
  const deltaStart = idEnd + betweenIdAndDelta;
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
  return { type: text ? 'text-delta' : 'reasoning-delta', id: data.slice(idStart, idEnd), delta };
}
