/** One line of the stream list: what a stream is and how it is going, at a glance. */
import type { Finding } from '../../../protocol/index.js';
import type { StreamMeta } from '../../shared/messages.js';
import type { StreamStatus } from '../state/stream-entry.js';
import { urlPath } from './format.js';
import { countBySeverity, type SeverityCounts } from './severity.js';

export type StreamRow = {
  method: string;
  path: string;
  url: string;
  status: string;
  state: 'live' | 'ended' | 'cancelled' | 'failed';
  /** What the capture could not see (network-log streams carry no timing, …). */
  note: string | null;
  counts: SeverityCounts;
  events: number;
  /** How it was captured, when not by `fetch` (the common case needs no tag). */
  transportTag: string | null;
  /** Ended, decoded and without findings: the client accepts it. */
  clean: boolean;
};

const transportTags: Record<StreamMeta['transport'], string | null> = {
  fetch: null,
  eventsource: 'EventSource',
  xhr: 'XHR',
  'network-log': 'network log',
};

const stateOf: Record<StreamStatus, StreamRow['state']> = {
  live: 'live',
  complete: 'ended',
  cancelled: 'cancelled',
  error: 'failed',
};

export function streamRow(
  meta: StreamMeta,
  status: StreamStatus,
  findings: readonly Finding[],
  events: number,
  decoded = true,
): StreamRow {
  return {
    method: meta.method.toUpperCase(),
    path: urlPath(meta.url),
    url: meta.url,
    status: meta.status === 0 ? '—' : String(meta.status),
    state: stateOf[status],
    note: meta.note,
    counts: countBySeverity(findings),
    events,
    transportTag: transportTags[meta.transport],
    clean: decoded && status === 'complete' && findings.length === 0,
  };
}

/** Case-insensitive match of the filter text against URL and method. */
export function matchesStreamFilter(meta: StreamMeta, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return meta.url.toLowerCase().includes(needle) || meta.method.toLowerCase().includes(needle);
}
