/** One line of the events table, and which events a filter keeps. */
import type { EventRecord, Severity } from '../../../protocol/index.js';
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

/** The `data:` payload of an event whose JSON did not parse. */
function dataText(raw: string): string {
  return raw
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trimStart())
    .join('\n');
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
          ? dataText(record.raw)
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
 * Positions (into `records`) of the events that pass the filter: text against label and raw
 * event, and optionally only events a finding points at.
 */
export function filterEvents(
  records: readonly EventRecord[],
  query: string,
  flagged: ReadonlyMap<number, Severity> | null,
): number[] {
  const needle = query.trim().toLowerCase();
  const kept: number[] = [];
  records.forEach((record, position) => {
    if (flagged && !flagged.has(record.index)) return;
    if (needle && !eventLabel(record).toLowerCase().includes(needle) && !record.raw.toLowerCase().includes(needle)) return;
    kept.push(position);
  });
  return kept;
}

/**
 * Where event `index` sits in `kept` (ascending positions into `records`, whose indices ascend),
 * or -1 when the filter hides it. Binary search: long streams re-render often.
 */
export function positionOfEvent(records: readonly EventRecord[], kept: readonly number[], index: number): number {
  let low = 0;
  let high = kept.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = records[kept[middle]].index;
    if (found === index) return middle;
    if (found < index) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
