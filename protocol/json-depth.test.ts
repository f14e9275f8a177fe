import { describe, expect, it } from 'vitest';
import { nestingDepth } from './json-depth.js';

describe('nestingDepth', () => {
  it('counts levels of arrays and objects, the deepest branch', () => {
    expect([nestingDepth(1), nestingDepth(null), nestingDepth({}), nestingDepth([1]), nestingDepth({ a: [{ b: 1 }], c: 2 })]).toEqual([0, 0, 1, 1, 3]);
  });
  it('walks values far deeper than the call stack allows', () => {
    let value: unknown = 'leaf';
    for (let level = 0; level < 100_000; level++) value = [value];
    expect(nestingDepth(value)).toBe(100_000);
  });
});
