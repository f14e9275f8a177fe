import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../protocol/index.js';
import { eventLabel, eventRow, filterEvents, formatAt, positionOfEvent } from './event-row.js';

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
    expect(records.map((item) => eventRow(item, undefined).payload)).toEqual([
      '',
      '{"id":"t","delta":"Hello"}',
      ': heartbeat',
      '{"type":"text-del',
      '',
      '',
    ]);
    expect(eventRow(records[3], 'error')).toMatchObject({ index: 3, severity: 'error', at: '' });
  });

  it('formats times with a decimal while short', () => {
    expect(formatAt(null)).toBe('');
    expect(formatAt(3.25)).toBe('3.3');
    expect(formatAt(12_345.6)).toBe('12346');
  });

  it('filters by label or raw text, and to flagged events', () => {
    expect(filterEvents(records, 'DELTA', null)).toEqual([1]);
    expect(filterEvents(records, 'heartbeat', null)).toEqual([2]);
    expect(filterEvents(records, '', new Map([[3, 'error'], [4, 'error']]))).toEqual([3, 4]);
    expect(filterEvents(records, 'usage', new Map([[3, 'error']]))).toEqual([]);
  });

  it('finds where an event sits among the kept ones', () => {
    const kept = [1, 3, 4];
    expect(positionOfEvent(records, kept, 3)).toBe(1);
    expect(positionOfEvent(records, kept, 4)).toBe(2);
    expect(positionOfEvent(records, kept, 2)).toBe(-1);
    expect(positionOfEvent(records, [], 0)).toBe(-1);
  });
});
