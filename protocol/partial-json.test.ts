import fc from 'fast-check';
import { parsePartialJson as sdkParsePartialJson } from 'ai';
import { describe, expect, it } from 'vitest';
import { parseJsonSecurely, parsePartialJson, repairJson } from './partial-json.js';

const whitespace = fc.stringMatching(/^[ \t\n\r]{0,3}$/);

/** A JSON string literal whose characters are written plainly or as escapes, at random. */
const stringLiteral = fc
  .array(
    fc.tuple(
      fc.oneof(fc.string({ unit: 'grapheme', maxLength: 3 }), fc.constantFrom('"', '\\', '/', '\n', '\t', '\u0000', '\u2028', 'é', '😀')),
      fc.constantFrom('plain', 'unicode', 'short'),
    ),
    { maxLength: 6 },
  )
  .map((pieces) => `"${pieces.map(([text, style]) => escape(text, style)).join('')}"`);

function escape(text: string, style: 'plain' | 'unicode' | 'short'): string {
  if (style === 'plain') return JSON.stringify(text).slice(1, -1);
  const short: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\n': '\\n', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\r': '\\r' };
  return [...text]
    .map((char) => {
      if (style === 'short' && short[char]) return short[char];
      return [...char].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    })
    .join('');
}

const number = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
  fc.constantFrom('0', '-0', '1e5', '-2.5E-3', '10.25', '1E+2'),
);

/** JSON texts with random whitespace between tokens. */
const jsonText = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    stringLiteral,
    number,
    fc.constantFrom('true', 'false', 'null'),
    fc.tuple(fc.array(fc.tuple(whitespace, tie('value'), whitespace), { maxLength: 4 }), whitespace).map(
      ([items, ws]) => (items.length === 0 ? `[${ws}]` : `[${items.map((parts) => parts.join('')).join(',')}]`),
    ),
    fc.tuple(fc.array(fc.tuple(whitespace, stringLiteral, whitespace, whitespace, tie('value'), whitespace), { maxLength: 4 }), whitespace).map(
      ([members, ws]) => (members.length === 0 ? `{${ws}}` : `{${members.map(([a, key, b, c, value, d]) => `${a}${key}${b}:${c}${value}${d}`).join(',')}}`),
    ),
  ),
})).value.chain((value) => fc.tuple(whitespace, whitespace).map(([before, after]) => `${before}${value}${after}`));

async function sdkValue(text: string): Promise<unknown> {
  return (await sdkParsePartialJson(text)).value;
}

describe('parsePartialJson matches the AI SDK client on every prefix', () => {
  it('random JSON texts (whitespace, escapes, unicode)', async () => {
    await fc.assert(
      fc.asyncProperty(jsonText, async (text) => {
        expect(JSON.parse(text)).toBeDefined();
        for (let end = 0; end <= text.length; end++) {
          const prefix = text.slice(0, end);
          expect(parsePartialJson(prefix), JSON.stringify(prefix)).toEqual(await sdkValue(prefix));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('arbitrary text, including broken JSON', async () => {
    const alphabet = fc.constantFrom(...'{}[]",:\\u0123456789abcdefnulltrue-+.eE \n'.split(''), 'ü', '😀');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: alphabet, maxLength: 40 }), async (text) => {
        expect(parsePartialJson(text), JSON.stringify(text)).toEqual(await sdkValue(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('string escapes, complete or broken', async () => {
    const alphabet = fc.constantFrom('\\', 'u', '0', 'A', 'f', 'g', 'n', '"', '}', ' ');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('"', '{"k":"', '["'), fc.string({ unit: alphabet, maxLength: 12 }), async (start, rest) => {
        const text = start + rest;
        expect(parsePartialJson(text), JSON.stringify(text)).toEqual(await sdkValue(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('repairJson closes what the client closes', async () => {
    const cases: Array<[string, unknown]> = [
      ['{"a": "Ber', { a: 'Ber' }],
      ['{"a": [1, 2', { a: [1, 2] }],
      ['{"n": -', {}],
      ['{"n": 2.', { n: 2 }],
      ['[tr', [true]],
      ['{"a": nu', { a: null }],
      ['"\\u00e', ''],
      ['{"k', {}],
    ];
    for (const [text, value] of cases) {
      const repaired = parseJsonSecurely(repairJson(text));
      expect(repaired, text).toEqual(value);
      expect(await sdkValue(text), text).toEqual(value);
    }
  });

  it('refuses prototype-poisoning keys as the client does', async () => {
    for (const text of ['{"__proto__": {"x": 1}}', '{"a": {"constructor": {"prototype": {}}}}', '{"__proto__": {"x": 1']) {
      expect(parsePartialJson(text), text).toEqual(await sdkValue(text));
    }
  });
});
