import { describe, expect, it } from 'vitest';
import { encodeChunk, type EventRecord } from '../../../protocol/index.js';
import { createEventSearch, hitsListed } from './event-search.js';

let next = 0;
function chunk(value: Record<string, unknown>): EventRecord {
  return { index: next++, kind: 'chunk', type: value.type as string, raw: encodeChunk(value as never).trim(), chunk: value, at: null, sse: { event: null, id: null }, issues: [] };
}

function stream(): EventRecord[] {
  next = 0;
  return [
    chunk({ type: 'start' }),
    chunk({ type: 'text-start', id: 't' }),
    chunk({ type: 'text-delta', id: 't', delta: 'Say hel' }),
    chunk({ type: 'reasoning-start', id: 'r' }),
    chunk({ type: 'reasoning-delta', id: 'r', delta: 'thinking of hel' }),
    chunk({ type: 'text-delta', id: 't', delta: 'lo to ' }),
    chunk({ type: 'reasoning-delta', id: 'r', delta: 'p' }),
    chunk({ type: 'text-delta', id: 't', delta: 'the world' }),
    chunk({ type: 'tool-input-start', toolCallId: 'c', toolName: 'weather' }),
    chunk({ type: 'tool-input-delta', toolCallId: 'c', inputTextDelta: '{"city":"Ber' }),
    chunk({ type: 'tool-input-delta', toolCallId: 'c', inputTextDelta: 'lin"}' }),
    chunk({ type: 'finish' }),
  ];
}

describe('event search', () => {
  it('finds a word split across deltas in the rebuilt text, and leads to the deltas that hold it', () => {
    const records = stream();
    const found = createEventSearch()(records, 'HELLO')!;
    expect(found.positions).toEqual([2, 5]);
    expect(found.hitCount).toBe(1);
    expect(found.hits[0]).toEqual({ part: 'text t', before: 'Say ', match: 'hello', after: ' to the world', events: [2, 5] });
    expect(found.deltaMarks.get(2)).toEqual({ field: 'delta', delta: 'Say hel', ranges: [[4, 7]] });
    expect(found.deltaMarks.get(5)).toEqual({ field: 'delta', delta: 'lo to ', ranges: [[0, 2]] });
  });

  it('keeps parts apart: text and reasoning are rebuilt separately, tool input too', () => {
    const records = stream();
    const search = createEventSearch();
    // "hel" ends the reasoning delta too, but its part goes on with "p"
    expect(search(records, 'help')!.positions).toEqual([4, 6]);
    expect(search(records, 'help')!.hits[0]).toMatchObject({ part: 'reasoning r', match: 'help' });
    expect(search(records, 'berlin')!.positions).toEqual([9, 10]);
    expect(search(records, 'berlin')!.deltaMarks.get(10)).toEqual({ field: 'inputTextDelta', delta: 'lin"}', ranges: [[0, 3]] });
    expect(search(records, 'world to')!.hitCount).toBe(0);
  });

  it('also matches events by their type or raw text, without rebuilt-text marks for them', () => {
    const records = stream();
    const found = createEventSearch()(records, 'tool-input-start')!;
    expect(found.positions).toEqual([8]);
    expect(found.deltaMarks.size).toBe(0);
    expect(createEventSearch()(records, 'weather')!.positions).toEqual([8]);
    expect(createEventSearch()(records, '  ')).toBeNull();
  });

  it('keeps the matching events in stream order when a rebuilt-text match reaches back before a direct one', () => {
    next = 0;
    const records = [
      chunk({ type: 'text-start', id: 't' }),
      chunk({ type: 'text-delta', id: 't', delta: 'hel' }),
      chunk({ type: 'data-note', data: { said: 'hello' } }),
      chunk({ type: 'text-delta', id: 't', delta: 'lo' }),
    ];
    expect(createEventSearch()(records, 'hello')!.positions).toEqual([1, 2, 3]);
  });

  it('a part started again under the same id is a new text', () => {
    next = 0;
    const records = [
      chunk({ type: 'text-start', id: 't' }),
      chunk({ type: 'text-delta', id: 't', delta: 'ab' }),
      chunk({ type: 'text-end', id: 't' }),
      chunk({ type: 'text-start', id: 't' }),
      chunk({ type: 'text-delta', id: 't', delta: 'cd' }),
    ];
    expect(createEventSearch()(records, 'bc')!.hitCount).toBe(0);
  });

  it('extends its matches as a live stream grows, a match spanning the seam included, and changes nothing when nothing arrived', () => {
    const all = stream();
    const records = all.slice(0, 3);
    const search = createEventSearch();
    const first = search(records, 'hello')!;
    expect(first.hitCount).toBe(0);
    expect(search(records, 'hello')).toBe(first);
    records.push(...all.slice(3));
    const later = search(records, 'hello')!;
    expect(later).not.toBe(first);
    expect(later.positions).toEqual([2, 5]);
    // a new array (new settings decode the stream again) starts over
    expect(search(stream(), 'hello')!.positions).toEqual([2, 5]);
  });

  it('counts every match but lists the first ones', () => {
    next = 0;
    const records = [chunk({ type: 'text-start', id: 't' }), ...Array.from({ length: 150 }, () => chunk({ type: 'text-delta', id: 't', delta: 'x' }))];
    const found = createEventSearch()(records, 'xx')!;
    expect(found.hitCount).toBe(75);
    expect(found.hits).toHaveLength(Math.min(75, hitsListed));
    expect(found.positions).toHaveLength(150);
  });
});
