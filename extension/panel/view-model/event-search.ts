/**
 * Searching a stream's events. An event matches when its type or raw text does, or when it
 * contributed to a match in the rebuilt text: the deltas of each text, reasoning and tool-input
 * part joined as the client joins them, so "hel" + "lo" is found by "hello" and both deltas show.
 *
 * Built for live streams of 100,000 events searched as the user types: the rebuilt texts are kept
 * per records array and grow with it, and a query's matches are extended with the new records
 * rather than redone; nothing is recomputed when nothing arrived.
 */
import type { EventRecord } from '../../../protocol/index.js';
import { eventLabel } from './event-row.js';
import { matchRanges, queryPattern, type Range } from './text-ranges.js';

/** The chunk field holding a part's delta text. */
export type DeltaField = 'delta' | 'inputTextDelta';

/** One part's text as its deltas built it, with where each delta starts in it. */
type RebuiltPart = {
  label: string;
  field: DeltaField;
  text: string;
  starts: number[];
  /** Positions in the records array of the deltas, in order. */
  positions: number[];
};

/** A match in a rebuilt text, with the events whose deltas hold it. */
export type TextHit = { part: string; before: string; match: string; after: string; events: number[] };

/** What of an event's delta a rebuilt-text match covers (the delta's own offsets). */
export type DeltaMarks = { field: DeltaField; delta: string; ranges: Range[] };

/** A search's matches; its arrays and map grow in place as later calls take in new records. */
export type EventSearch = {
  readonly pattern: RegExp;
  /** Positions in the records array of the events that match, ascending. */
  readonly positions: readonly number[];
  /** Matches in the rebuilt texts, in order, the first `hitsListed` of them. */
  readonly hits: readonly TextHit[];
  readonly hitCount: number;
  /** By event index: the ranges of its delta inside a rebuilt-text match. */
  readonly deltaMarks: ReadonlyMap<number, DeltaMarks>;
};

export const hitsListed = 100;
const snippetChars = 24;

const startKinds: Record<string, string> = { 'text-start': 'text', 'reasoning-start': 'reasoning', 'tool-input-start': 'tool-input' };
const deltaKinds: Record<string, { kind: string; field: DeltaField }> = {
  'text-delta': { kind: 'text', field: 'delta' },
  'reasoning-delta': { kind: 'reasoning', field: 'delta' },
  'tool-input-delta': { kind: 'tool-input', field: 'inputTextDelta' },
};

function chunkFields(record: EventRecord): Record<string, unknown> | null {
  return record.kind === 'chunk' && typeof record.chunk === 'object' && record.chunk !== null ? (record.chunk as Record<string, unknown>) : null;
}

function partId(chunk: Record<string, unknown>): string | null {
  const id = chunk.id ?? chunk.toolCallId;
  return typeof id === 'string' ? id : null;
}

/** The rebuilt texts of a records array, extended as records are appended to it. */
type RebuiltTexts = { records: readonly EventRecord[]; scanned: number; parts: RebuiltPart[]; open: Map<string, RebuiltPart> };

function rebuild(texts: RebuiltTexts): void {
  const { records } = texts;
  for (; texts.scanned < records.length; texts.scanned++) {
    const record = records[texts.scanned];
    const chunk = chunkFields(record);
    if (!chunk || record.type === null) continue;
    const id = partId(chunk);
    if (id === null) continue;
    const started = startKinds[record.type];
    if (started) {
      // a part started again under the same id is a new part for the client too
      texts.open.delete(`${started}:${id}`);
      continue;
    }
    const delta = deltaKinds[record.type];
    const value = delta && chunk[delta.field];
    if (!delta || typeof value !== 'string') continue;
    const key = `${delta.kind}:${id}`;
    let part = texts.open.get(key);
    if (!part) {
      part = { label: `${delta.kind} ${id}`, field: delta.field, text: '', starts: [], positions: [] };
      texts.open.set(key, part);
      texts.parts.push(part);
    }
    part.starts.push(part.text.length);
    part.positions.push(texts.scanned);
    part.text += value;
  }
}

/** The index of the delta holding offset `at` of a part's text. */
function deltaAt(part: RebuiltPart, at: number): number {
  let low = 0;
  let high = part.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (part.starts[middle] <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

type PartHits = { part: RebuiltPart; scannedTo: number; ranges: Range[]; counted: number };

/** One query's matches so far; every array only grows while the records array does. */
type QueryState = {
  query: string;
  pattern: RegExp;
  /** Records tested for a direct match so far. */
  tested: number;
  /** Which record positions match, and the same ascending (rebuilt from `marked` when a mark lands before the last). */
  marked: Uint8Array;
  positions: number[];
  unsorted: boolean;
  parts: Map<RebuiltPart, PartHits>;
  hits: TextHit[];
  hitCount: number;
  deltaMarks: Map<number, DeltaMarks>;
  result: EventSearch | null;
};

function newQuery(query: string, pattern: RegExp): QueryState {
  return { query, pattern, tested: 0, marked: new Uint8Array(1024), positions: [], unsorted: false, parts: new Map(), hits: [], hitCount: 0, deltaMarks: new Map(), result: null };
}

function mark(state: QueryState, position: number): void {
  if (position >= state.marked.length) {
    const grown = new Uint8Array(Math.max(position + 1, state.marked.length * 2));
    grown.set(state.marked);
    state.marked = grown;
  }
  if (state.marked[position]) return;
  state.marked[position] = 1;
  if (state.positions.length > 0 && position < state.positions[state.positions.length - 1]) state.unsorted = true;
  state.positions.push(position);
}

/** Extends a part's matches over the text appended since the last scan (a match may span the seam). */
function scanPart(hits: PartHits, pattern: RegExp): void {
  const { text } = hits.part;
  if (text.length === hits.scannedTo) return;
  const lastEnd = hits.ranges.at(-1)?.[1] ?? 0;
  // a match is as long as the query, and the escaped source is at least that long
  pattern.lastIndex = Math.max(lastEnd, hits.scannedTo - pattern.source.length);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) hits.ranges.push([match.index, match.index + match[0].length]);
  hits.scannedTo = text.length;
}

/** Takes in the part's matches not counted yet: marks their deltas and lists the first ones. */
function countHits(records: readonly EventRecord[], state: QueryState, hits: PartHits): boolean {
  const { part, ranges } = hits;
  if (hits.counted === ranges.length) return false;
  for (; hits.counted < ranges.length; hits.counted++) {
    const [start, end] = ranges[hits.counted];
    const events: number[] = [];
    for (let piece = deltaAt(part, start); piece < part.starts.length && part.starts[piece] < end; piece++) {
      const position = part.positions[piece];
      const record = records[position];
      const from = part.starts[piece];
      const delta = chunkFields(record)![part.field] as string;
      const range: Range = [Math.max(0, start - from), Math.min(delta.length, end - from)];
      const marks = state.deltaMarks.get(record.index);
      if (marks) marks.ranges.push(range);
      else state.deltaMarks.set(record.index, { field: part.field, delta, ranges: [range] });
      mark(state, position);
      events.push(record.index);
    }
    state.hitCount++;
    if (state.hits.length < hitsListed) {
      state.hits.push({
        part: part.label,
        before: part.text.slice(Math.max(0, start - snippetChars), start),
        match: part.text.slice(start, end),
        after: part.text.slice(end, end + snippetChars),
        events,
      });
    }
  }
  return true;
}

/**
 * A search bound to one events view: call it with the records (the same array while it grows)
 * and the query; it returns null for an empty query, and the same object while nothing changed.
 */
export function createEventSearch(): (records: readonly EventRecord[], query: string) => EventSearch | null {
  let texts: RebuiltTexts | null = null;
  let state: QueryState | null = null;

  return (records, query) => {
    const pattern = queryPattern(query);
    if (!pattern) return null;
    if (texts?.records !== records) {
      texts = { records, scanned: 0, parts: [], open: new Map() };
      state = null;
    }
    if (state?.query !== query.trim()) state = newQuery(query.trim(), pattern);
    let changed = state.tested < records.length;
    rebuild(texts);
    const test = new RegExp(pattern.source, 'i');
    for (; state.tested < records.length; state.tested++) {
      const record = records[state.tested];
      if (test.test(eventLabel(record)) || test.test(record.raw)) mark(state, state.tested);
    }
    for (const part of texts.parts) {
      let hits = state.parts.get(part);
      if (!hits) state.parts.set(part, (hits = { part, scannedTo: 0, ranges: [], counted: 0 }));
      scanPart(hits, pattern);
      changed = countHits(records, state, hits) || changed;
    }
    if (state.unsorted) {
      state.positions = [];
      state.marked.forEach((on, position) => on && state!.positions.push(position));
      state.unsorted = false;
    }
    if (changed || !state.result) {
      const { positions, hits, hitCount, deltaMarks } = state;
      state.result = { pattern: state.pattern, positions, hits, hitCount, deltaMarks };
    }
    return state.result;
  };
}

/** Ranges of `text` a search marks: its direct matches. */
export function searchRanges(text: string, search: EventSearch | null): Range[] {
  return search ? matchRanges(text, search.pattern) : [];
}
