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

type PartHits = { part: RebuiltPart; scannedTo: number; ranges: Range[] };

type QueryState = {
  query: string;
  pattern: RegExp;
  /** Records tested for a direct match so far, and those that matched. */
  tested: number;
  direct: number[];
  parts: Map<RebuiltPart, PartHits>;
  result: EventSearch | null;
};

/** Extends a part's matches over the text appended since the last scan (a match may span the seam). */
function scanPart(hits: PartHits, pattern: RegExp): boolean {
  const { text } = hits.part;
  if (text.length === hits.scannedTo) return false;
  const lastEnd = hits.ranges.at(-1)?.[1] ?? 0;
  const from = Math.max(lastEnd, hits.scannedTo - pattern.source.length);
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) hits.ranges.push([match.index, match.index + match[0].length]);
  hits.scannedTo = text.length;
  return true;
}

function collect(records: readonly EventRecord[], state: QueryState): EventSearch {
  const marked = new Uint8Array(records.length);
  for (const position of state.direct) marked[position] = 1;
  const deltaMarks = new Map<number, DeltaMarks>();
  const hits: TextHit[] = [];
  let hitCount = 0;
  for (const { part, ranges } of state.parts.values()) {
    for (const [start, end] of ranges) {
      const events: number[] = [];
      for (let piece = deltaAt(part, start); piece < part.starts.length && part.starts[piece] < end; piece++) {
        const position = part.positions[piece];
        const record = records[position];
        const from = part.starts[piece];
        const delta = chunkFields(record)![part.field] as string;
        const range: Range = [Math.max(0, start - from), Math.min(delta.length, end - from)];
        const marks = deltaMarks.get(record.index);
        if (marks) marks.ranges.push(range);
        else deltaMarks.set(record.index, { field: part.field, delta, ranges: [range] });
        marked[position] = 1;
        events.push(record.index);
      }
      hitCount++;
      if (hits.length < hitsListed) {
        hits.push({
          part: part.label,
          before: part.text.slice(Math.max(0, start - snippetChars), start),
          match: part.text.slice(start, end),
          after: part.text.slice(end, end + snippetChars),
          events,
        });
      }
    }
  }
  const positions: number[] = [];
  marked.forEach((on, position) => on && positions.push(position));
  return { pattern: state.pattern, positions, hits, hitCount, deltaMarks };
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
    if (state?.query !== query.trim()) state = { query: query.trim(), pattern, tested: 0, direct: [], parts: new Map(), result: null };
    const grew = texts.scanned < records.length || state.tested < records.length;
    rebuild(texts);
    const test = new RegExp(pattern.source, 'i');
    for (; state.tested < records.length; state.tested++) {
      const record = records[state.tested];
      if (test.test(eventLabel(record)) || test.test(record.raw)) state.direct.push(state.tested);
    }
    let changed = grew;
    for (const part of texts.parts) {
      let hits = state.parts.get(part);
      if (!hits) state.parts.set(part, (hits = { part, scannedTo: 0, ranges: [] }));
      changed = scanPart(hits, pattern) || changed;
    }
    if (changed || !state.result) state.result = collect(records, state);
    return state.result;
  };
}

/** Ranges of `text` a search marks: its direct matches. */
export function searchRanges(text: string, search: EventSearch | null): Range[] {
  return search ? matchRanges(text, search.pattern) : [];
}
