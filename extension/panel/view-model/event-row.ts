/** One line of the events table, and which events a filter keeps. */
import { sseEventData, type EventRecord, type Severity } from '../../../protocol/index.js';
import { compactJson, truncate } from './format.js';

export type EventRow = {
  index: number;
  at: string;
  /** `text-delta`, `comment`, `[DONE]`, `invalid-json`, … */
  label: string;
  payload: string;
  severity: Severity | null;
};

const payloadChars = 240;

/** The fields worth a glance: the chunk without its `type` (already in the label). */
function chunkPreview(chunk: unknown): string {
  if (chunk === null || typeof chunk !== 'object' || Array.isArray(chunk)) return compactJson(chunk);
  const { type: _type, ...rest } = chunk as Record<string, unknown>;
  return Object.keys(rest).length === 0 ? '' : compactJson(rest);
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

export function eventRow(record: EventRecord, severity: Severity | undefined): EventRow {
  const payload =
    record.kind === 'comment'
      ? `: ${record.comment ?? ''}`
      : record.kind === 'done'
        ? ''
        : record.kind === 'invalid-json'
          ? sseEventData(record.raw)
          : chunkPreview(record.chunk);
  return {
    index: record.index,
    at: formatAt(record.at),
    label: eventLabel(record),
    payload: truncate(payload, payloadChars),
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

export function keepEvents(
  records: readonly EventRecord[],
  query: string,
  flagged: ReadonlyMap<number, Severity> | null,
): KeptEvents {
  const needle = query.trim().toLowerCase();
  if (!needle && !flagged) {
    const at = (row: number) => row;
    return { count: records.length, recordAt: at, rowOf: (index) => searchRow(records, records.length, at, index) };
  }
  const kept: number[] = [];
  records.forEach((record, position) => {
    if (flagged && !flagged.has(record.index)) return;
    if (needle && !eventLabel(record).toLowerCase().includes(needle) && !record.raw.toLowerCase().includes(needle)) return;
    kept.push(position);
  });
  const at = (row: number) => kept[row];
  return { count: kept.length, recordAt: at, rowOf: (index) => searchRow(records, kept.length, at, index) };
}
