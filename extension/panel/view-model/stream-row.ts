/** One line of the stream list: what a stream is, which chat it answers and how it went, at a glance. */
import type { Finding, Summary } from '../../../protocol/index.js';
import type { StreamMeta } from '../../shared/messages.js';
import type { StreamEntry, StreamStatus } from '../state/stream-entry.js';
import { formatClock, urlPath } from './format.js';
import { countBySeverity, sortFindings, type SeverityCounts } from './severity.js';

/**
 * `cancelled` is the page's own stop (neutral: not a server fault); `stuck` a live stream past
 * the stall threshold since its last data; `failed` a chat request answered without a stream.
 */
export const streamStates = ['live', 'stuck', 'finished', 'aborted', 'errored', 'cancelled', 'failed'] as const;
export type StreamState = (typeof streamStates)[number];

export const stateTitles: Record<StreamState, string> = {
  live: 'streaming',
  stuck: 'live, but no data for longer than the stall threshold',
  finished: 'ended with finish',
  aborted: 'ended with abort',
  errored: 'ended by an error, or without finish',
  cancelled: 'the page stopped reading (its own stop): not a server fault',
  failed: 'a chat request answered without an event stream',
};

export type StreamRowInput = {
  meta: StreamMeta;
  status: StreamStatus;
  findings: readonly Finding[];
  events: number;
  decoded?: boolean;
  /** Read from a file rather than captured. */
  imported?: boolean;
  /** The decoder caught up with every byte received and, once ended, judged the end (default true). */
  settled?: boolean;
  summary?: Summary | null;
  /** ms since the response started when it ended. */
  endedAt?: number | null;
  /** ms since the response started of the last data (non-comment) event. */
  lastDataAt?: number | null;
  /** Epoch ms now (live durations and stuck streams). */
  now?: number;
  stallMs?: number;
  /** Which capture budget truncated the stream, in words. */
  truncation?: string | null;
};

export type StreamRow = {
  method: string;
  path: string;
  url: string;
  status: string;
  state: StreamState;
  /** Start time of day, `HH:MM:SS`. */
  started: string;
  /** ms from the response's start to its end (or to now while live), null when unknown. */
  durationMs: number | null;
  /** The last user message of the chat the request posted. */
  prompt: string | null;
  /** What the capture could not see (network-log streams carry no timing, …). */
  note: string | null;
  /** Which capture budget truncated the stream, in words; null when none did. */
  truncation: string | null;
  counts: SeverityCounts;
  /** The worst finding's code. */
  worst: Finding | null;
  events: number;
  /** How it was captured, when not by `fetch` (the common case needs no tag), or `imported`. */
  transportTag: string | null;
  /** Ended, decoded and without findings: the client accepts it. */
  clean: boolean;
  /**
   * State, events and findings are the decoder's last word on the bytes received so far (an ended
   * stream reads "live" until its end is judged).
   */
  settled: boolean;
  /** Listed muted: not a stream. */
  muted: boolean;
};

const transportTags: Record<StreamMeta['transport'], string | null> = {
  fetch: null,
  eventsource: 'EventSource',
  xhr: 'XHR',
  'network-log': 'network log',
};

const terminalStates: Record<NonNullable<Summary['terminal']>, StreamState> = {
  finish: 'finished',
  abort: 'aborted',
  error: 'errored',
  cut: 'errored',
  cancelled: 'cancelled',
};

/**
 * How an ended stream ended, as the decoder judged it (`terminal`). Until it has, the stream stays
 * `live` rather than reading a `finished` the judgement may take back (it may be aborted or cut).
 */
function endedState(summary: Summary | null | undefined, settled: boolean): StreamState {
  if (summary?.terminal) return terminalStates[summary.terminal];
  return settled ? 'finished' : 'live';
}

export function streamState(input: StreamRowInput): StreamState {
  const { meta, status } = input;
  if (meta.response === 'non-stream') return 'failed';
  if (status === 'cancelled') return 'cancelled';
  if (status === 'error') return 'errored';
  if (status === 'live') {
    if (input.now === undefined || input.stallMs === undefined || meta.transport === 'network-log') return 'live';
    const elapsed = input.now - meta.startedAt;
    return elapsed - (input.lastDataAt ?? 0) >= input.stallMs ? 'stuck' : 'live';
  }
  return endedState(input.summary, input.settled ?? true);
}

export function streamRow(input: StreamRowInput, prompt: string | null = null): StreamRow {
  const { meta, status, findings } = input;
  const durationMs = input.endedAt ?? input.summary?.durationMs ?? (status === 'live' && input.now !== undefined ? Math.max(0, input.now - meta.startedAt) : null);
  return {
    method: meta.method.toUpperCase(),
    path: urlPath(meta.url),
    url: meta.url,
    status: meta.status === 0 ? '—' : String(meta.status),
    state: streamState(input),
    started: formatClock(meta.startedAt),
    durationMs: meta.transport === 'network-log' ? null : durationMs,
    prompt,
    note: meta.note,
    truncation: input.truncation ?? null,
    counts: countBySeverity(findings),
    worst: sortFindings(findings)[0] ?? null,
    events: input.events,
    transportTag: input.imported ? 'imported' : transportTags[meta.transport],
    clean: (input.decoded ?? true) && (input.settled ?? true) && status === 'complete' && findings.length === 0 && meta.response !== 'non-stream',
    settled: input.settled ?? true,
    muted: meta.response === 'non-stream',
  };
}

/**
 * Case-insensitive match of every word of the filter against the URL, method, status, prompt,
 * state, `truncated` (a stream a capture budget truncated) and finding codes (`500`, `stuck`, `missing-finish`, `weather berlin`).
 */
export function matchesStreamFilter(row: Pick<StreamRow, 'url' | 'method' | 'status' | 'prompt' | 'state'> & { truncation?: string | null }, codes: readonly string[], query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [row.url, row.method, row.status, row.prompt ?? '', row.state, row.truncation ? 'truncated' : '', ...codes].join('\n').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The row of a stream as the panel holds it (reads its signals: call it in a render). */
export function entryRow(entry: StreamEntry, now: number, stallMs: number): StreamRow {
  entry.revision.value;
  return streamRow(
    {
      meta: entry.meta,
      status: entry.status.value,
      findings: entry.findings,
      events: entry.records.length + entry.droppedEvents,
      decoded: entry.decoded,
      imported: entry.imported !== null,
      settled: entry.settled,
      summary: entry.summary,
      endedAt: entry.endedAt,
      lastDataAt: entry.lastDataAt,
      now,
      stallMs,
      truncation: entry.truncation?.note,
    },
    entry.prompt,
  );
}
