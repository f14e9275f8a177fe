/**
 * The timing view: time to first byte and first chunk, duration, rate, the gaps between data
 * events (stalls among them), the steps, and where chunks and heartbeats arrived on a time axis.
 * Heartbeat comments do not end a gap (a stream that only sends heartbeats is stalled as far as the
 * user can see), but are counted in it.
 *
 * Records are timed in ms since the response started. When the capture recorded when the request
 * was sent, the axis starts there instead, `leadMs` earlier, so the wait for the response shows.
 */
import type { EventRecord, Summary } from '../../../protocol/index.js';
import { formatMs } from './format.js';

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

/** A `start-step` … `finish-step` (or … the end, when the step never finished). */
export type StepSpan = { step: number; fromMs: number; toMs: number; startEvent: number; endEvent: number | null };

/** Arrivals in one slice of the axis: how many, and the first event, to jump to. */
export type Bucket = { slot: number; count: number; firstEvent: number };

export type Timeline = {
  /** The axis' length in ms, from the request sent (or the response's start) to the end or now. */
  spanMs: number;
  /** Where the response started on the axis: the wait for it, when known, else 0. */
  leadMs: number;
  slots: number;
  /** Data events (chunks, `[DONE]`, invalid ones) and comments (heartbeats), apart. */
  chunks: Bucket[];
  heartbeats: Bucket[];
  steps: StepSpan[];
  /** Every stall, in time order. */
  stalls: Gap[];
};

export type Timing = {
  known: boolean;
  /** Request sent → response headers, when the capture recorded the send. */
  firstByteMs: number | null;
  /** Time to the first chunk: from the request sent when known (`fromRequest`), else from the response's start. */
  firstChunkMs: number | null;
  fromRequest: boolean;
  durationMs: number | null;
  eventsPerSecond: number | null;
  /** The longest gaps, longest first. */
  gaps: Gap[];
  timeline: Timeline;
};

export type TimingOptions = {
  stallMs: number;
  topGaps?: number;
  slots?: number;
  /** ms since the response started, for a live stream (its trailing gap grows with it); else null. */
  now?: number | null;
  /** ms from the request sent to the response's start, when the capture recorded both. */
  leadMs?: number | null;
};

function isData(record: EventRecord): boolean {
  return record.kind !== 'comment';
}

function isTurnEnd(record: EventRecord): boolean {
  return record.kind === 'chunk' && (record.type === 'finish' || record.type === 'abort');
}

/** The gaps worth showing: the `top` longest (longest first) and every stall (in time order). */
export type Gaps = { longest: Gap[]; stalls: Gap[] };

/**
 * The gaps between consecutive data events, `endMs` closing the trailing one, in one pass that
 * builds only the gaps it keeps (a stream of 100,000 events has as many gaps). As for the linter,
 * nothing after the server's `finish` or `abort` is a stall: the chat is over.
 */
export function gapsOf(records: readonly EventRecord[], stallMs: number, endMs: number | null, top: number): Gaps {
  const gaps: Gaps = { longest: [], stalls: [] };
  let last: { index: number; at: number } | undefined;
  let heartbeats = 0;
  let over = false;
  function consider(beforeEvent: number | null, ms: number): void {
    const stall = !over && ms >= stallMs;
    const { longest } = gaps;
    const ranks = longest.length < top || ms > longest[longest.length - 1].ms;
    if (!stall && !ranks) return;
    const gap: Gap = { afterEvent: last!.index, beforeEvent, fromMs: last!.at, ms, heartbeats, stall };
    if (stall) gaps.stalls.push(gap);
    if (!ranks) return;
    let at = longest.length;
    while (at > 0 && longest[at - 1].ms < ms) at--;
    longest.splice(at, 0, gap);
    if (longest.length > top) longest.pop();
  }
  for (const record of records) {
    if (record.at === null) continue;
    if (!isData(record)) {
      heartbeats++;
      continue;
    }
    if (last) consider(record.index, record.at - last.at);
    over ||= isTurnEnd(record);
    last = { index: record.index, at: record.at };
    heartbeats = 0;
  }
  if (last && endMs !== null && endMs > last.at) consider(null, endMs - last.at);
  return gaps;
}

/** Steps from their `start-step` to their `finish-step`; a step still open runs to `endMs`. */
export function stepSpans(records: readonly EventRecord[], endMs: number): StepSpan[] {
  const spans: StepSpan[] = [];
  let open: Omit<StepSpan, 'toMs' | 'endEvent'> | null = null;
  for (const record of records) {
    if (record.kind !== 'chunk' || record.at === null) continue;
    if (record.type === 'start-step') {
      if (open) spans.push({ ...open, toMs: record.at, endEvent: null });
      open = { step: spans.length + 1, fromMs: record.at, startEvent: record.index };
    } else if (record.type === 'finish-step' && open) {
      spans.push({ ...open, toMs: record.at, endEvent: record.index });
      open = null;
    }
  }
  if (open) spans.push({ ...open, toMs: Math.max(open.fromMs, endMs), endEvent: null });
  return spans;
}

/** Arrivals per slot of the axis, one lane for data events and one for comments; empty slots left out. */
export function arrivalLanes(records: readonly EventRecord[], spanMs: number, leadMs: number, slots: number): Pick<Timeline, 'chunks' | 'heartbeats'> {
  const lanes = { chunks: new Map<number, Bucket>(), heartbeats: new Map<number, Bucket>() };
  for (const record of records) {
    if (record.at === null) continue;
    const slot = spanMs > 0 ? Math.min(slots - 1, Math.max(0, Math.floor(((record.at + leadMs) / spanMs) * slots))) : 0;
    const lane = isData(record) ? lanes.chunks : lanes.heartbeats;
    const bucket = lane.get(slot);
    if (bucket) bucket.count++;
    else lane.set(slot, { slot, count: 1, firstEvent: record.index });
  }
  return { chunks: [...lanes.chunks.values()], heartbeats: [...lanes.heartbeats.values()] };
}

/**
 * A stall in words, with its real length: growing while the stream is live and waiting, final
 * once a chunk or the end closed it.
 */
export function stallText(gap: Gap, live: boolean): string {
  const heartbeats = gap.heartbeats === 0 ? '' : `; ${gap.heartbeats} heartbeat${gap.heartbeats === 1 ? '' : 's'} meanwhile, which do not end it`;
  const where =
    gap.beforeEvent !== null
      ? `between event #${gap.afterEvent} and #${gap.beforeEvent}`
      : live
        ? `after event #${gap.afterEvent}, still waiting`
        : `after event #${gap.afterEvent}, until the stream ended`;
  return `Stalled ${formatMs(gap.ms)} ${where}${heartbeats}`;
}

export function computeTiming(records: readonly EventRecord[], summary: Pick<Summary, 'firstChunkMs' | 'durationMs'> | null, options: TimingOptions): Timing {
  let lastAt: number | null = null;
  for (const record of records) if (record.at !== null) lastAt = Math.max(lastAt ?? 0, record.at);
  const known = lastAt !== null;
  const endMs = options.now ?? summary?.durationMs ?? lastAt;
  const span = Math.max(endMs ?? 0, lastAt ?? 0);
  const leadMs = options.leadMs !== null && options.leadMs !== undefined && options.leadMs >= 0 ? options.leadMs : null;
  const lead = leadMs ?? 0;
  const gaps = known ? gapsOf(records, options.stallMs, endMs, options.topGaps ?? 5) : { longest: [], stalls: [] };
  const slots = options.slots ?? 120;
  const firstChunk = summary?.firstChunkMs ?? null;
  return {
    known,
    firstByteMs: leadMs,
    firstChunkMs: firstChunk === null ? null : firstChunk + lead,
    fromRequest: leadMs !== null,
    durationMs: summary?.durationMs ?? (known ? endMs : null),
    eventsPerSecond: known && span > 0 ? (records.length / span) * 1000 : null,
    gaps: gaps.longest,
    timeline: {
      spanMs: span + lead,
      leadMs: lead,
      slots,
      ...(known ? arrivalLanes(records, span + lead, lead, slots) : { chunks: [], heartbeats: [] }),
      steps: known ? stepSpans(records, span) : [],
      stalls: gaps.stalls,
    },
  };
}
