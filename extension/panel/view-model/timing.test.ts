import { describe, expect, it } from 'vitest';
import type { EventRecord, Summary } from '../../../protocol/index.js';
import { arrivalLanes, computeTiming, gapsOf, stallText, stepSpans } from './timing.js';

function at(index: number, time: number | null, kind: EventRecord['kind'] = 'chunk', type: string | null = null): EventRecord {
  return { index, kind, type, raw: '', at: time, sse: { event: null, id: null }, issues: [] };
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

describe('gaps', () => {
  it('measures gaps between data events, counting heartbeats inside them, and keeps the longest and every stall', () => {
    const gaps = gapsOf(records, 5000, null, 10);
    expect(gaps.longest.map((gap) => gap.ms)).toEqual([7000, 40, 20]);
    expect(gaps.longest[0]).toEqual({ afterEvent: 1, beforeEvent: 4, fromMs: 60, ms: 7000, heartbeats: 2, stall: true });
    expect(gaps.stalls).toEqual([gaps.longest[0]]);
  });

  it('keeps only the top longest, and stalls in time order beyond them', () => {
    const spaced = [at(0, 0), at(1, 6000), at(2, 6010), at(3, 13_000), at(4, 13_005)];
    const gaps = gapsOf(spaced, 5000, null, 1);
    expect(gaps.longest.map((gap) => gap.ms)).toEqual([6990]);
    expect(gaps.stalls.map((gap) => gap.afterEvent)).toEqual([0, 2]);
  });

  it('adds the trailing gap of a stream still waiting, or ended after a silence', () => {
    const gaps = gapsOf(records, 5000, 15_100, 10);
    expect(gaps.longest[0]).toEqual({ afterEvent: 5, beforeEvent: null, fromMs: 7100, ms: 8000, heartbeats: 0, stall: true });
    expect(gapsOf(records, 5000, 7100, 10).longest).toHaveLength(3);
  });
});

describe('gaps after the turn ended', () => {
  it('are no stalls: after finish or abort the chat is over', () => {
    const finished = [at(0, 0), at(1, 10, 'chunk', 'finish'), at(2, 9000, 'done')];
    expect(gapsOf(finished, 5000, 20_000, 10).stalls).toEqual([]);
    const aborted = [at(0, 0), at(1, 6000, 'chunk', 'abort')];
    expect(gapsOf(aborted, 5000, 20_000, 10).stalls.map((gap) => gap.beforeEvent)).toEqual([1]);
  });
});

describe('stall text', () => {
  const between = { afterEvent: 1, beforeEvent: 4, fromMs: 60, ms: 7000, heartbeats: 2, stall: true };
  const trailing = { afterEvent: 5, beforeEvent: null, fromMs: 7100, ms: 12_345, heartbeats: 1, stall: true };

  it('says the real length and where, with the heartbeats that did not end it', () => {
    expect(stallText(between, true)).toBe('Stalled 7.00 s between event #1 and #4; 2 heartbeats meanwhile, which do not end it');
    expect(stallText({ ...between, heartbeats: 0 }, false)).toBe('Stalled 7.00 s between event #1 and #4');
  });

  it('is still waiting while the stream is live, and final once it ended', () => {
    expect(stallText(trailing, true)).toBe('Stalled 12.3 s after event #5, still waiting; 1 heartbeat meanwhile, which do not end it');
    expect(stallText({ ...trailing, ms: 20_000 }, false)).toBe('Stalled 20.0 s after event #5, until the stream ended; 1 heartbeat meanwhile, which do not end it');
  });
});

describe('steps', () => {
  it('spans start-step to finish-step, and an unfinished step to the end', () => {
    const stepped = [at(0, 0, 'chunk', 'start'), at(1, 10, 'chunk', 'start-step'), at(2, 50, 'chunk', 'finish-step'), at(3, 60, 'chunk', 'start-step'), at(4, 90, 'chunk', 'text-delta')];
    expect(stepSpans(stepped, 200)).toEqual([
      { step: 1, fromMs: 10, toMs: 50, startEvent: 1, endEvent: 2 },
      { step: 2, fromMs: 60, toMs: 200, startEvent: 3, endEvent: null },
    ]);
  });

  it('closes a step a nested start-step interrupts, and ignores a finish-step without a start', () => {
    const odd = [at(0, 5, 'chunk', 'finish-step'), at(1, 10, 'chunk', 'start-step'), at(2, 20, 'chunk', 'start-step'), at(3, 30, 'chunk', 'finish-step')];
    expect(stepSpans(odd, 40)).toEqual([
      { step: 1, fromMs: 10, toMs: 20, startEvent: 1, endEvent: null },
      { step: 2, fromMs: 20, toMs: 30, startEvent: 2, endEvent: 3 },
    ]);
  });
});

describe('arrival lanes', () => {
  it('puts data events and comments in lanes of their own, slotted across the axis, with the first event of each slot', () => {
    const lanes = arrivalLanes(records, 8000, 0, 4);
    expect(lanes.chunks).toEqual([
      { slot: 0, count: 2, firstEvent: 0 },
      { slot: 3, count: 2, firstEvent: 4 },
    ]);
    expect(lanes.heartbeats).toEqual([
      { slot: 1, count: 1, firstEvent: 2 },
      { slot: 3, count: 1, firstEvent: 3 },
    ]);
  });

  it('shifts arrivals by the wait for the response', () => {
    expect(arrivalLanes([at(0, 0)], 1000, 500, 4).chunks).toEqual([{ slot: 2, count: 1, firstEvent: 0 }]);
  });
});

describe('computeTiming', () => {
  it('summarises a live stream against the current time', () => {
    const timing = computeTiming(records, summary, { stallMs: 5000, now: 8100, topGaps: 2, slots: 4 });
    expect(timing).toMatchObject({ known: true, firstByteMs: null, firstChunkMs: 40, fromRequest: false, durationMs: 8100 });
    expect(timing.gaps.map((gap) => gap.ms)).toEqual([7000, 1000]);
    expect(timing.eventsPerSecond).toBeCloseTo((6 / 8100) * 1000);
    expect(timing.timeline).toMatchObject({ spanMs: 8100, leadMs: 0, slots: 4 });
    expect(timing.timeline.stalls.map((gap) => gap.afterEvent)).toEqual([1]);
  });

  it('measures first byte and first chunk from the request sent, and lengthens the axis by the wait', () => {
    const timing = computeTiming(records, { ...summary, durationMs: 7200 }, { stallMs: 5000, leadMs: 300 });
    expect(timing).toMatchObject({ firstByteMs: 300, firstChunkMs: 340, fromRequest: true, durationMs: 7200 });
    expect(timing.timeline).toMatchObject({ spanMs: 7500, leadMs: 300 });
  });

  it('ignores a negative wait (clocks disagree) and knows when no timing exists', () => {
    expect(computeTiming(records, summary, { stallMs: 5000, leadMs: -5 })).toMatchObject({ firstByteMs: null, fromRequest: false });
    const untimed = computeTiming([at(0, null)], { ...summary, firstChunkMs: null }, { stallMs: 5000 });
    expect(untimed).toMatchObject({ known: false, gaps: [], durationMs: null, timeline: { chunks: [], heartbeats: [], steps: [], stalls: [] } });
  });
});
