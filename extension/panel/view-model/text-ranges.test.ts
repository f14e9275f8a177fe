import { describe, expect, it } from 'vitest';
import { markPieces, matchRanges, mergeRanges, queryPattern, rangesInJson } from './text-ranges.js';

describe('text ranges', () => {
  it('matches a query literally and case-insensitively, every occurrence', () => {
    expect(matchRanges('Hello hello HELLO', queryPattern(' hello '))).toEqual([
      [0, 5],
      [6, 11],
      [12, 17],
    ]);
    expect(matchRanges('a.b axb (x)', queryPattern('a.b'))).toEqual([[0, 3]]);
    expect(matchRanges('f(x) [1]', queryPattern('(x)'))).toEqual([[1, 4]]);
    expect(queryPattern('   ')).toBeNull();
    expect(matchRanges('anything', null)).toEqual([]);
  });

  it('joins overlapping and touching ranges and cuts them to the text', () => {
    expect(
      mergeRanges(
        [
          [5, 8],
          [0, 2],
          [2, 3],
          [7, 20],
          [4, 4],
        ],
        10,
      ),
    ).toEqual([
      [0, 3],
      [5, 10],
    ]);
  });

  it('cuts a text into marked and unmarked pieces, text kept as it is', () => {
    expect(markPieces('<b>hello</b>', [[3, 8]])).toEqual([
      { text: '<b>', marked: false },
      { text: 'hello', marked: true },
      { text: '</b>', marked: false },
    ]);
    expect(markPieces('', [])).toEqual([{ text: '', marked: false }]);
    expect(markPieces('abc', [[0, 3]])).toEqual([{ text: 'abc', marked: true }]);
  });

  it('moves ranges of a string value to where JSON text holds it, escapes counted', () => {
    const value = 'say "hel';
    const json = JSON.stringify({ id: 't', delta: value });
    const [range] = rangesInJson(json, 'delta', value, [[5, 8]]);
    expect(json.slice(...range)).toBe('hel');
    expect(json.slice(...rangesInJson(json, 'delta', value, [[4, 6]])[0])).toBe('\\"h');
    const spaced = 'data: {"type": "text-delta", "delta": "lo there"}';
    expect(spaced.slice(...rangesInJson(spaced, 'delta', 'lo there', [[0, 2]])[0])).toBe('lo');
    expect(rangesInJson('{"delta":"\\u0068i"}', 'delta', 'hi', [[0, 1]])).toEqual([]);
  });
});
