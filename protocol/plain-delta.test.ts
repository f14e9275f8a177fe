import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainDelta } from './plain-delta.js';
import { parseJsonSecurely } from './partial-json.js';
import { validateChunk } from './validate.js';
import { clientVersions } from './schemas/chunks.js';

// Each delta type with its id and text fields, in the order servers write them.
const shape = fc.constantFrom(['text-delta', 'id', 'delta'], ['reasoning-delta', 'id', 'delta']);
// Ids as servers make them: no character JSON would escape.
const plainId = fc.stringMatching(/^[A-Za-z0-9_:.\- éü日🚀]{0,12}$/);
const anyText = fc.string({ unit: 'binary', maxLength: 24 });

/** A JSON string's body written plainly, or with each character as a `\u` or short escape. */
const writtenString = fc.tuple(anyText, fc.constantFrom('stringify', 'unicode', 'short')).map(([text, style]) => {
  if (style === 'stringify') return JSON.stringify(text).slice(1, -1);
  const short: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\n': '\\n', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\r': '\\r' };
  return [...text].map((char) => (style === 'short' && short[char]) || [...char].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')).join('');
});

const plainDeltaText = fc.tuple(shape, plainId, writtenString).map(([[type, idKey, textKey], id, text]) => `{"type":"${type}","${idKey}":"${id}","${textKey}":"${text}"}`);

/** Plain deltas with one character inserted, removed or replaced: near misses of the fast path's pattern. */
const nearMiss = fc
  .tuple(plainDeltaText, fc.nat(), fc.constantFrom('insert', 'remove', 'replace'), fc.constantFrom('"', '\\', '}', '{', ',', ' ', '\n', '\u0000', '\u001f', 'u', '0', 'x', ':', '\ud800'))
  .map(([text, at, edit, char]) => {
    const i = at % (text.length + 1);
    if (edit === 'insert') return text.slice(0, i) + char + text.slice(i);
    if (edit === 'remove') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + char + text.slice(i + 1);
  });

/** What the general path (secure JSON.parse, then validation for every client) makes of `data`. */
function generalPath(data: string): { value: unknown; cleanForAllClients: boolean } {
  const value = parseJsonSecurely(data);
  const cleanForAllClients = clientVersions.every((client) => {
    const validation = validateChunk(value, client);
    return validation.kind === 'chunk' && validation.extraFields.length === 0;
  });
  return { value, cleanForAllClients };
}

describe('readPlainDelta', () => {
  it('reads every plain text and reasoning delta, escapes included, exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(plainDeltaText, (data) => {
        const fast = readPlainDelta(data);
        expect(fast).not.toBeNull();
        expect(fast).toEqual(JSON.parse(data));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the general path on any near miss: same chunk, or null', () => {
    let hits = 0;
    fc.assert(
      fc.property(nearMiss, (data) => {
        const fast = readPlainDelta(data);
        if (fast === null) return;
        hits++;
        const general = generalPath(data);
        expect(fast).toEqual(general.value);
        expect(general.cleanForAllClients).toBe(true);
      }),
      { numRuns: 5000 },
    );
    // Many edits land inside the delta's text and keep it valid: the comparison above did run.
    expect(hits).toBeGreaterThan(500);
  });

  it.each([
    ['another field', '{"type":"text-delta","id":"t","delta":"hi","providerMetadata":{}}'],
    ['another key order', '{"type":"text-delta","delta":"hi","id":"t"}'],
    ['whitespace between tokens', '{"type": "text-delta","id":"t","delta":"hi"}'],
    ['a trailing newline', '{"type":"text-delta","id":"t","delta":"hi"}\n'],
    ['an escape in the id', '{"type":"text-delta","id":"t\\u0031","delta":"hi"}'],
    ['a raw control character', '{"type":"text-delta","id":"t","delta":"a\tb"}'],
    ['an invalid escape', '{"type":"text-delta","id":"t","delta":"a\\xb"}'],
    ['a short \\u escape', '{"type":"text-delta","id":"t","delta":"a\\u12"}'],
    ['an unterminated string', '{"type":"text-delta","id":"t","delta":"a\\"}'],
    ['another chunk type', '{"type":"text-start","id":"t","delta":"hi"}'],
    ['a tool-input delta', '{"type":"tool-input-delta","toolCallId":"c","inputTextDelta":"hi"}'],
    ['a prototype key', '{"type":"text-delta","id":"t","delta":"hi","__proto__":{}}'],
  ])('leaves text with %s to the general path', (_, data) => {
    expect(readPlainDelta(data)).toBeNull();
  });
});
