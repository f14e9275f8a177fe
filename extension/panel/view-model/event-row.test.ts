import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../protocol/index.js';
import { eventLabel, eventPreview, eventRow, formatAt, jsonPrefix, keepEvents, payloadChars, type KeptEvents } from './event-row.js';
import { createEventSearch } from './event-search.js';

function record(index: number, fields: Partial<EventRecord>): EventRecord {
  return { index, kind: 'chunk', type: null, raw: '', at: null, sse: { event: null, id: null }, issues: [], ...fields };
}

const records: EventRecord[] = [
  record(0, { type: 'start', raw: 'data: {"type":"start"}', chunk: { type: 'start' }, at: 3.25 }),
  record(1, { type: 'text-delta', raw: 'data: {"type":"text-delta","id":"t","delta":"Hello"}', chunk: { type: 'text-delta', id: 't', delta: 'Hello' }, at: 12_345.6 }),
  record(2, { kind: 'comment', raw: ': heartbeat', comment: 'heartbeat' }),
  record(3, { kind: 'invalid-json', raw: 'data: {"type":"text-del' }),
  record(4, { kind: 'unknown-type', type: 'usage', raw: 'data: {"type":"usage"}', chunk: { type: 'usage' } }),
  record(5, { kind: 'done', raw: 'data: [DONE]' }),
];

describe('event rows', () => {
  it('labels each kind of record', () => {
    expect(records.map(eventLabel)).toEqual(['start', 'text-delta', 'comment', 'invalid-json', 'unknown-type: usage', '[DONE]']);
  });

  it('previews the payload without the type, the comment, or the broken data', () => {
    expect(records.map(eventPreview)).toEqual([
      '',
      '{"id":"t","delta":"Hello"}',
      ': heartbeat',
      '{"type":"text-del',
      '',
      '',
    ]);
    expect(eventRow(records[3], 'error', 'cut')).toMatchObject({ index: 3, severity: 'error', at: '', payload: 'cut' });
  });

  it('writes JSON as JSON.stringify does while it fits', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => jsonPrefix(value, Number.MAX_SAFE_INTEGER) === JSON.stringify(value)));
    expect(jsonPrefix({ a: undefined, b: [undefined, () => 1], c: Number.NaN }, 100)).toBe(JSON.stringify({ a: undefined, b: [undefined, () => 1], c: Number.NaN }));
  });

  it('cuts the preview of a 10 MB chunk, JSON nested 10,000 deep and 100,000 items without reading past the cut', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const delta = eventPreview(record(0, { type: 'text-delta', chunk: { type: 'text-delta', id: 't', delta: huge } }));
    expect(delta).toHaveLength(payloadChars);
    expect(delta).toMatch(/^\{"id":"t","delta":"x+…$/);
    let deep: unknown = 1;
    for (let level = 0; level < 10_000; level++) deep = { a: deep };
    expect(eventPreview(record(0, { type: 'data-deep', chunk: { type: 'data-deep', data: deep } }))).toMatch(/^\{"data":\{"a":\{"a":.*…$/);
    const untouched = Object.defineProperty({ first: 'y'.repeat(500) }, 'second', {
      enumerable: true,
      get: () => expect.unreachable('a field past the cut was read'),
    });
    expect(jsonPrefix(untouched, 50)).toHaveLength(51);
    const items = new Proxy(Array.from({ length: 100_000 }, (_, index) => index), {
      get: (target, key) => (key === '99999' ? expect.unreachable('an item past the cut was read') : Reflect.get(target, key)),
    });
    expect(jsonPrefix(items, 30)).toBe('[0,1,2,3,4,5,6,7,8,9,10,11,12,1');
    expect(eventPreview(record(0, { kind: 'comment', raw: `: ${huge}`, comment: huge }))).toHaveLength(payloadChars);
    expect(eventPreview(record(0, { kind: 'invalid-json', raw: `data: {${huge}` }))).toMatch(/^\{x+…$/);
  });

  it('formats times with a decimal while short', () => {
    expect(formatAt(null)).toBe('');
    expect(formatAt(3.25)).toBe('3.3');
    expect(formatAt(12_345.6)).toBe('12346');
  });

  const rows = (kept: KeptEvents) => Array.from({ length: kept.count }, (_, row) => kept.recordAt(row));
  const search = (query: string) => createEventSearch()(records, query);

  it('keeps every event without a filter, and finds each one', () => {
    const kept = keepEvents(records, search('  '), null);
    expect(rows(kept)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(kept.rowOf(4)).toBe(4);
    expect(kept.rowOf(9)).toBe(-1);
  });

  it('keeps what a search found, and only flagged events', () => {
    expect(rows(keepEvents(records, search('DELTA'), null))).toEqual([1]);
    expect(rows(keepEvents(records, search('heartbeat'), null))).toEqual([2]);
    expect(rows(keepEvents(records, null, new Map([[3, 'error'], [4, 'error']])))).toEqual([3, 4]);
    expect(rows(keepEvents(records, search('usage'), new Map([[3, 'error']])))).toEqual([]);
  });

  it('finds where an event sits among the kept ones', () => {
    const kept = keepEvents(records, null, new Map([[1, 'info'], [3, 'error'], [4, 'error']]));
    expect(kept.rowOf(3)).toBe(1);
    expect(kept.rowOf(4)).toBe(2);
    expect(kept.rowOf(2)).toBe(-1);
    expect(keepEvents([], null, null).rowOf(0)).toBe(-1);
  });
});
