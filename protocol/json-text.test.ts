import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringifyIteratively, toJson } from './json-text.js';

describe('toJson', () => {
  it('writes what JSON.stringify writes, compact and indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, space) => {
        expect(stringifyIteratively(value, ' '.repeat(space))).toBe(JSON.stringify(value, null, space));
      }),
    );
    const withUndefined = { a: undefined, b: [undefined, 1], c: { d: undefined } };
    expect(stringifyIteratively(withUndefined, '  ')).toBe(JSON.stringify(withUndefined, null, 2));
  });

  it('writes values nested 20,000 deep instead of throwing, indenting only the first levels', () => {
    let value: unknown = [1];
    for (let i = 0; i < 20_000; i++) value = { a: value };
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    const compact = toJson(value);
    expect(compact).toBe(`${'{"a":'.repeat(20_000)}[1]${'}'.repeat(20_000)}`);
    const indented = toJson(value, 2);
    expect(indented.replace(/\s/g, '')).toBe(compact);
    expect(indented.split('\n').reduce((longest, line) => Math.max(longest, line.length), 0)).toBeLessThan(200);
  });
});
