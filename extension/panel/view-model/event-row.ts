/** One line of the events table, and which events a search and the flagged filter keep. */
import { sseEventData, type EventRecord, type Severity } from '../../../protocol/index.js';
import type { EventSearch } from './event-search.js';
import { truncate } from './format.js';

export type EventRow = {
  index: number;
  at: string;
  /** `text-delta`, `comment`, `[DONE]`, `invalid-json`, … */
  label: string;
  payload: string;
  severity: Severity | null;
};

export const payloadChars = 240;

/**
 * The start of `value`'s JSON text, stopping once it passes `max` characters: a 10 MB string or
 * JSON nested 10,000 deep costs what is shown, not the whole value (and never recurses deeper
 * than `max` levels, as each level writes a bracket). Equal to `JSON.stringify` when it fits.
 */
export function jsonPrefix(value: unknown, max: number): string {
  let out = '';
  const room = () => max - out.length;
  /** Appends `text` (cut just past the room left); false once the room is used up. */
  const write = (text: string) => {
    out += text.length > room() ? text.slice(0, room() + 1) : text;
    return out.length <= max;
  };
  const quote = (text: string) => JSON.stringify(text.length > room() ? text.slice(0, room() + 1) : text);
  const omitted = (item: unknown) => item === undefined || typeof item === 'function' || typeof item === 'symbol';
  function walk(item: unknown): boolean {
    if (typeof item === 'string') return write(quote(item));
    if (item === null || typeof item !== 'object') return write(JSON.stringify(item) ?? 'null');
    if (Array.isArray(item)) {
      if (!write('[')) return false;
      for (let position = 0; position < item.length; position++) {
        if (position > 0 && !write(',')) return false;
        if (!walk(omitted(item[position]) ? null : item[position])) return false;
      }
      return write(']');
    }
    if (!write('{')) return false;
    let first = true;
    for (const key of Object.keys(item)) {
      const field = (item as Record<string, unknown>)[key];
      if (omitted(field)) continue;
      if ((!first && !write(',')) || !write(`${quote(key)}:`) || !walk(field)) return false;
      first = false;
    }
    return write('}');
  }
  walk(value);
  return out;
}

/** The fields worth a glance: the chunk without its `type` (already in the label). */
function chunkPreview(chunk: unknown, max: number): string {
  if (chunk === undefined) return '';
  if (chunk === null || typeof chunk !== 'object' || Array.isArray(chunk)) return jsonPrefix(chunk, max);
  const { type: _type, ...rest } = chunk as Record<string, unknown>;
  return Object.keys(rest).length === 0 ? '' : jsonPrefix(rest, max);
}

export function eventLabel(record: EventRecord): string {
  if (record.kind === 'done') return '[DONE]';
  if (record.kind === 'chunk') return record.type ?? 'chunk';
  if (record.kind === 'comment') return 'comment';
  return record.type ? `${record.kind}: ${record.type}` : record.kind;
}

export function formatAt(at: number | null): string {
  return at === null ? '' : at < 10_000 ? at.toFixed(1) : Math.round(at).toString();
}

/**
 * The payload column of an event, one line of at most `payloadChars`. The decode worker cuts it
 * once per event (`DecodeProgress.previews`), so rendering a row of a 10 MB chunk costs the row.
 */
export function eventPreview(record: EventRecord): string {
  // a little past the column, so the cut shows its ellipsis
  const max = payloadChars + 1;
  const payload =
    record.kind === 'comment'
      ? `: ${(record.comment ?? '').slice(0, max)}`
      : record.kind === 'done'
        ? ''
        : record.kind === 'invalid-json'
          ? // raw SSE lines carry a `data: ` prefix per line: twice the room leaves enough data
            sseEventData(record.raw.slice(0, max * 2))
          : chunkPreview(record.chunk, max);
  return truncate(payload, payloadChars);
}

export function eventRow(record: EventRecord, severity: Severity | undefined, preview: string): EventRow {
  return {
    index: record.index,
    at: formatAt(record.at),
    label: eventLabel(record),
    payload: preview,
    severity: severity ?? null,
  };
}

/**
 * The events a filter keeps, as positions into `records`: the list renders `count` rows and asks
 * `recordAt(row)`. Without a filter no array is built — a live stream of 100,000 events re-renders
 * on every chunk.
 */
export type KeptEvents = {
  count: number;
  recordAt(row: number): number;
  /** The row showing event `index`, or -1 when the filter hides it. */
  rowOf(index: number): number;
};

/** Binary search over ascending event indices (`records[at(row)].index` grows with `row`). */
function searchRow(records: readonly EventRecord[], count: number, at: (row: number) => number, index: number): number {
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = records[at(middle)].index;
    if (found === index) return middle;
    if (found < index) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The events a search (null: none) and the "flagged only" filter (null: off) keep. */
export function keepEvents(
  records: readonly EventRecord[],
  search: Pick<EventSearch, 'positions'> | null,
  flagged: ReadonlyMap<number, Severity> | null,
): KeptEvents {
  if (!search && !flagged) {
    const at = (row: number) => row;
    return { count: records.length, recordAt: at, rowOf: (index) => searchRow(records, records.length, at, index) };
  }
  let kept: readonly number[];
  if (!search) {
    const positions: number[] = [];
    records.forEach((record, position) => flagged!.has(record.index) && positions.push(position));
    kept = positions;
  } else kept = flagged ? search.positions.filter((position) => flagged.has(records[position].index)) : search.positions;
  const at = (row: number) => kept[row];
  return { count: kept.length, recordAt: at, rowOf: (index) => searchRow(records, kept.length, at, index) };
}
