import { describe, expect, it } from 'vitest';
import type { EventRecord, Summary } from '../../../protocol/index.js';
import { arrivalHistogram, computeTiming, findGaps } from './timing.js';

function at(index: number, time: number | null, kind: EventRecord['kind'] = 'chunk'): EventRecord {
  return { index, kind, type: null, raw: '', at: time, sse: { event: null, id: null }, issues: [] };
}

const summary: Summary = {
  events: 6,
  chunks: 4,
  comments: 2,
  done: false,
  finished: false,
  byType: {},
  durationMs: null,
  firstChunkMs: 40,
  dialect: 'ai-sdk',
  usage: null,
  terminal: null,
};

const records = [at(0, 40), at(1, 60), at(2, 3000, 'comment'), at(3, 6000, 'comment'), at(4, 7060), at(5, 7100)];

describe('timing', () => {
  it('measures gaps between data events, counting heartbeats inside them, longest first', () => {
    const gaps = findGaps(records, 5000, null);
    expect(gaps[0]).toEqual({ afterEvent: 1, beforeEvent: 4, fromMs: 60, ms: 7000, heartbeats: 2, stall: true });
    expect(gaps.map((gap) => gap.ms)).toEqual([7000, 40, 20]);
  });

  it('adds the trailing gap of a stream still waiting', () => {
    const gaps = findGaps(records, 5000, 15_100);
    expect(gaps[0]).toMatchObject({ afterEvent: 5, beforeEvent: null, ms: 8000, stall: true });
  });

  it('buckets arrivals across the span', () => {
    expect(arrivalHistogram(records, 8000, 4)).toEqual([2, 1, 0, 3]);
    expect(arrivalHistogram(records, 0, 3)).toEqual([0, 0, 0]);
  });

  it('summarises a live stream against the current time, and knows when no timing exists', () => {
    const timing = computeTiming(records, summary, { stallMs: 5000, now: 8100, topGaps: 2, buckets: 4 });
    expect(timing).toMatchObject({ known: true, firstChunkMs: 40, durationMs: 8100 });
    expect(timing.gaps).toHaveLength(2);
    expect(timing.eventsPerSecond).toBeCloseTo((6 / 8100) * 1000);
    const untimed = computeTiming([at(0, null)], { ...summary, firstChunkMs: null }, { stallMs: 5000 });
    expect(untimed).toMatchObject({ known: false, gaps: [], histogram: [], durationMs: null });
  });
});
