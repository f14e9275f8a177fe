import { describe, expect, it } from 'vitest';
import { compactJson, formatMs, truncate, urlPath } from './format.js';

describe('format', () => {
  it('formats durations by magnitude and unknowns as a dash', () => {
    expect(formatMs(null)).toBe('—');
    expect(formatMs(Number.NaN)).toBe('—');
    expect(formatMs(12.4)).toBe('12 ms');
    expect(formatMs(1250)).toBe('1.25 s');
    expect(formatMs(12_500)).toBe('12.5 s');
    expect(formatMs(125_000)).toBe('2 min 5 s');
  });

  it('truncates to one line with an ellipsis', () => {
    expect(truncate('a\n  b', 10)).toBe('a b');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });

  it('splits URLs, and passes through what is no URL', () => {
    expect(urlPath('http://127.0.0.1:8787/api/chat?x=1')).toBe('/api/chat?x=1');
    expect(urlPath('not a url')).toBe('not a url');
  });

  it('shows values JSON cannot hold as strings', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(compactJson({ a: 1 })).toBe('{"a":1}');
    expect(compactJson(cyclic)).toBe('[object Object]');
    expect(compactJson(undefined)).toBe('');
  });
});
