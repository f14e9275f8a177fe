/**
 * The timing view: time to first chunk, duration, rate, the longest gaps between data events, and
 * an arrival histogram. Heartbeat comments do not end a gap (a stream that only sends heartbeats
 * is stalled as far as the user can see), but are counted in it.
 */
import type { EventRecord, Summary } from '../../../protocol/index.js';

export type Gap = {
  /** The data event after which nothing but comments arrived. */
  afterEvent: number;
  /** The next data event, or null when the stream is still waiting (or ended) after it. */
  beforeEvent: number | null;
  fromMs: number;
  ms: number;
  heartbeats: number;
  stall: boolean;
};

export type Timing = {
  known: boolean;
  firstChunkMs: number | null;
  durationMs: number | null;
  eventsPerSecond: number | null;
  gaps: Gap[];
  /** Events per time bucket across the stream, for the arrival strip. */
  histogram: number[];
};

export type TimingOptions = { stallMs: number; topGaps?: number; buckets?: number; now?: number | null };

function isData(record: EventRecord): boolean {
  return record.kind !== 'comment';
}

/** Gaps between consecutive data events, longest first. `endMs` closes the trailing gap. */
export function findGaps(records: readonly EventRecord[], stallMs: number, endMs: number | null): Gap[] {
  const gaps: Gap[] = [];
  let last: EventRecord | undefined;
  let heartbeats = 0;
  for (const record of records) {
    if (record.at === null) continue;
    if (!isData(record)) {
      heartbeats++;
      continue;
    }
    if (last && last.at !== null) {
      const ms = record.at - last.at;
      gaps.push({ afterEvent: last.index, beforeEvent: record.index, fromMs: last.at, ms, heartbeats, stall: ms >= stallMs });
    }
    last = record;
    heartbeats = 0;
  }
  if (last && last.at !== null && endMs !== null && endMs > last.at) {
    const ms = endMs - last.at;
    gaps.push({ afterEvent: last.index, beforeEvent: null, fromMs: last.at, ms, heartbeats, stall: ms >= stallMs });
  }
  return gaps.sort((a, b) => b.ms - a.ms);
}

export function arrivalHistogram(records: readonly EventRecord[], spanMs: number, buckets: number): number[] {
  const counts = new Array<number>(buckets).fill(0);
  if (spanMs <= 0) return counts;
  for (const record of records) {
    if (record.at === null) continue;
    counts[Math.min(buckets - 1, Math.max(0, Math.floor((record.at / spanMs) * buckets)))]++;
  }
  return counts;
}

/**
 * `now` is "ms since the response started" for a live stream (so a stream stuck right now shows
 * its growing gap), else null.
 */
export function computeTiming(records: readonly EventRecord[], summary: Pick<Summary, 'firstChunkMs' | 'durationMs'> | null, options: TimingOptions): Timing {
  const lastAt = records.reduce<number | null>((max, record) => (record.at === null ? max : Math.max(max ?? 0, record.at)), null);
  const known = lastAt !== null;
  const endMs = options.now ?? summary?.durationMs ?? lastAt;
  const span = endMs ?? 0;
  return {
    known,
    firstChunkMs: summary?.firstChunkMs ?? null,
    durationMs: summary?.durationMs ?? (known ? endMs : null),
    eventsPerSecond: known && span > 0 ? (records.length / span) * 1000 : null,
    gaps: known ? findGaps(records, options.stallMs, endMs).slice(0, options.topGaps ?? 5) : [],
    histogram: known ? arrivalHistogram(records, span, options.buckets ?? 60) : [],
  };
}
