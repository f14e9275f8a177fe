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

type Shape = { prefix: string; between: string; chunk: (id: string, text: string) => PlainDelta };

/** Each delta type with its id and text fields, in the order servers write them. */
const shapes: readonly Shape[] = [
  { prefix: '{"type":"text-delta","id":"', between: '","delta":"', chunk: (id, delta) => ({ type: 'text-delta', id, delta }) },
  { prefix: '{"type":"reasoning-delta","id":"', between: '","delta":"', chunk: (id, delta) => ({ type: 'reasoning-delta', id, delta }) },
];

const escapeRegExp = (text: string): string => text.replace(/[{}()[\]\\^$.*+?|]/g, '\\$&');
// A JSON string's body: any character but `"`, `\` and controls, or an escape. The id admits no
// escape, so its text is its value; the delta's escapes are left to JSON.parse.
const plainChars = '[^"\\\\\\x00-\\x1f]*';
const stringBody = `${plainChars}(?:\\\\.${plainChars})*`;
const plainDelta = new RegExp(`^(?:${shapes.map((shape) => escapeRegExp(shape.prefix) + plainChars + escapeRegExp(shape.between)).join('|')})${stringBody}"\\}$`);

/** The delta chunk `data` holds, when it is a plain one; null sends it down the general path. */
export function readPlainDelta(data: string): PlainDelta | null {
  // `test` and offsets rather than `exec`: a match array per event was most of the fast path's garbage.
  if (!plainDelta.test(data)) return null;
  const shape = shapes.find((candidate) => data.startsWith(candidate.prefix)) as Shape;
  const idEnd = data.indexOf('"', shape.prefix.length);
  const textStart = idEnd + shape.between.length;
  const textEnd = data.length - 2;
  let text = data.slice(textStart, textEnd);
  if (text.includes('\\')) {
    // JSON.parse judges the escapes (`\u` needs four hex digits) in the literal, quotes included.
    try {
      text = JSON.parse(data.slice(textStart - 1, textEnd + 1)) as string;
    } catch {
      return null;
    }
  }
  return shape.chunk(data.slice(shape.prefix.length, idEnd), text);
}
