import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isEventStream } from './event-stream.js';

/** The rule as it reads with string methods, for comparison. */
const byMethods = (contentType: string) => contentType.split(';', 1)[0].trim().toLowerCase() === 'text/event-stream';

describe('isEventStream without string methods', () => {
  it('agrees with split/trim/toLowerCase on content types near text/event-stream', () => {
    const pieces = fc.constantFrom('text/event-stream', 'TEXT/EVENT-STREAM', 'Text/Event-Stream', 'text/event-streams', 'text/plain', ';', ' ', '\t', '\u00a0', '\ufeff', '\u2028', '\u0001', 'charset=utf-8', 'K', '\u212a', 'x');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 5 }), fc.string({ maxLength: 4 }), (parts, noise) => {
        const contentType = parts.join('') + noise;
        expect(isEventStream(contentType, null)).toBe(byMethods(contentType));
      }),
      { numRuns: 2000 },
    );
  });

  it('works when a page replaced every String.prototype method (the page hook runs it there)', () => {
    const proto = String.prototype as unknown as Record<string, unknown>;
    const names = Object.getOwnPropertyNames(String.prototype).filter((name) => name !== 'constructor' && name !== 'length' && typeof proto[name] === 'function');
    const saved = Object.getOwnPropertyDescriptors(String.prototype);
    const broken = () => {
      throw new Error('patched by the page');
    };
    for (const name of names) proto[name] = broken;
    let results: boolean[];
    try {
      results = [isEventStream(' Text/Event-Stream ; charset=utf-8', null), isEventStream('text/plain', null), isEventStream(null, 'v1')];
    } finally {
      Object.defineProperties(String.prototype, saved);
    }
    expect(names).toEqual(expect.arrayContaining(['split', 'trim', 'toLowerCase', 'slice', 'indexOf', 'charCodeAt']));
    expect(results).toEqual([true, false, true]);
  });
});
