/**
 * One captured stream as the panel holds it: its request/response metadata, a decoder fed with
 * its bytes, and the records and findings decoded so far.
 *
 * Records and findings live in plain append-only arrays and a `revision` signal is bumped once per
 * feed, so a 10,000-event stream costs one re-render per arriving chunk rather than one per record.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { continuedMessage, createDecoder } from '../../../protocol/index.js';
import type { DecodeReport, EventRecord, Finding, UIMessage } from '../../../protocol/index.js';
import type { StreamMeta } from '../../shared/messages.js';

/** `live` until the stream ends; then how it ended. */
export type StreamStatus = 'live' | 'complete' | 'cancelled' | 'error';

export type StreamEntry = {
  readonly id: string;
  readonly meta: StreamMeta;
  /** The assistant message this response continues, from the chat the request posted (as useChat does). */
  readonly continues: UIMessage | undefined;
  /** Read it in a render to re-render when records, findings or status change. */
  readonly revision: ReadonlySignal<number>;
  readonly status: ReadonlySignal<StreamStatus>;
  readonly records: readonly EventRecord[];
  readonly findings: readonly Finding[];
  /** The decode report so far (the message as the client would rebuild it, the summary). */
  report(): DecodeReport;
  push(bytes: Uint8Array | string, at: number | null): void;
  /** Time passes with no data (live streams): lets a stall show while it lasts. */
  tick(at: number): void;
  end(at: number | null, outcome: Exclude<StreamStatus, 'live'>, error?: string): void;
  /** Ends a stream whose bytes never came: no end-of-stream findings, no verdict. */
  closeUndecoded(): void;
  /** False for a stream closed undecoded: "no findings" means nothing then. */
  readonly decoded: boolean;
  /** Why the stream ended early, when the page or network said. */
  readonly error: string | undefined;
};

export type StreamEntryOptions = { stallMs?: number };

/** The decoder's default `stall` threshold. */
export const defaultStallMs = 5000;

export function createStreamEntry(id: string, meta: StreamMeta, options: StreamEntryOptions = {}): StreamEntry {
  const revision = signal(0);
  const status = signal<StreamStatus>('live');
  const records: EventRecord[] = [];
  const findings: Finding[] = [];
  let error: string | undefined;
  let decoded = true;
  let finalReport: DecodeReport | undefined;
  let cached: { revision: number; report: DecodeReport } | undefined;

  const continues = continuedMessage(meta.requestBody);
  const decoder = createDecoder({
    message: continues,
    stallMs: options.stallMs ?? defaultStallMs,
    onRecord: (record) => records.push(record),
    onFinding: (finding) => findings.push(finding),
  });

  function withEvents(report: DecodeReport): DecodeReport {
    return { ...report, events: records };
  }

  return {
    id,
    meta,
    continues,
    revision,
    status,
    records,
    findings,
    get error() {
      return error;
    },
    get decoded() {
      return decoded;
    },
    closeUndecoded() {
      if (status.peek() !== 'live') return;
      decoded = false;
      finalReport = withEvents(decoder.report());
      status.value = 'complete';
      revision.value++;
    },
    report() {
      if (finalReport) return finalReport;
      if (cached?.revision !== revision.peek()) cached = { revision: revision.peek(), report: withEvents(decoder.report()) };
      return cached.report;
    },
    push(bytes, at) {
      if (status.peek() !== 'live') return;
      decoder.push(bytes, at);
      revision.value++;
    },
    tick(at) {
      if (status.peek() !== 'live') return;
      const before = findings.length;
      decoder.tick(at);
      if (findings.length !== before) revision.value++;
    },
    end(at, outcome, reason) {
      if (status.peek() !== 'live') return;
      // Ending adds what only the end reveals (missing finish, …) through `onFinding`.
      finalReport = withEvents(decoder.end(at));
      error = reason;
      status.value = outcome;
      revision.value++;
    },
  };
}
