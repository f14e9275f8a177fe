/**
 * One captured stream as the panel holds it: its request/response metadata and what its decode
 * (in the panel's decode worker) produced so far: records, findings and the summary.
 *
 * Records and findings live in plain append-only arrays and a `revision` signal is bumped once per
 * delivery (at most one per animation frame), so a 100,000-event stream costs one re-render per
 * frame rather than one per record.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { continuedMessage } from '../../../protocol/index.js';
import type { DecodeReport, EventRecord, Finding, Summary, UIMessage } from '../../../protocol/index.js';
import { decodedLength } from '../../shared/base64.js';
import type { CapturedChunk, StreamMeta } from '../../shared/messages.js';
import type { DecodeClient, KeptChunk } from '../worker/decode-client.js';
import type { DecodeProgress } from '../worker/decode-messages.js';
import { parseBody, promptOf } from '../view-model/prompt.js';

/** A capture budget stopped keeping the stream's bytes: which one, and how many bytes were kept. */
export type Truncation = { note: string; bytesKept: number };

/** A decode report as the panel exports it: with the events it kept, and what the capture did not keep. */
export type PanelReport = DecodeReport & { capture?: { truncated: string; bytesKept: number } };

/** `live` until the stream ends; then how it ended. */
export type StreamStatus = 'live' | 'complete' | 'cancelled' | 'error';

export type StreamEntry = {
  readonly id: string;
  readonly meta: StreamMeta;
  /** Where an imported stream came from (`file`, `file.har#3`); null for a capture. */
  readonly imported: string | null;
  /** The assistant message this response continues, from the chat the request posted (as useChat does). */
  readonly continues: UIMessage | undefined;
  /** Read it in a render to re-render when records, findings or status change. */
  readonly revision: ReadonlySignal<number>;
  readonly status: ReadonlySignal<StreamStatus>;
  readonly records: readonly EventRecord[];
  /** Each record's payload column, cut by the decode worker (`eventPreview`). */
  readonly previews: readonly string[];
  readonly findings: readonly Finding[];
  /** The summary once the decoder caught up with the bytes (null before the first). */
  readonly summary: Summary | null;
  /** Every byte received is decoded (and, once ended, judged). */
  readonly settled: boolean;
  /** Events decoded but not kept for the events view (past the per-stream cap). */
  readonly droppedEvents: number;
  /** Bytes of this stream past the panel's per-tab cap: not kept for re-judging or export. */
  readonly bytesNotKept: boolean;
  /** Set when a capture budget truncated the stream (live or ended). */
  readonly truncation: Truncation | null;
  /** Bytes received so far. */
  readonly byteCount: number;
  /** ms since the response started of the last data (non-comment) event, null before one. */
  readonly lastDataAt: number | null;
  /** The request body as JSON, when it is JSON. */
  readonly requestJson: unknown;
  /** The last user message of the chat the request posted, on one line. */
  readonly prompt: string | null;
  /** Milliseconds since the response started when it ended, or null (live, or unknown). */
  readonly endedAt: number | null;
  /** The bytes kept of the stream, as captured (for `.sse` and scenario export). */
  bytes(): Promise<KeptChunk[] | null>;
  /** The decode report so far, with the events the panel kept (and a truncation, when one happened). */
  report(): Promise<PanelReport | null>;
  push(bytes: Uint8Array | string, at: number | null): void;
  /** Many pieces at once (an imported stream): one message to the decode worker. */
  pushAll(chunks: readonly { bytes: Uint8Array; at: number | null }[]): void;
  /** Captured chunks still in base64, passed on as they are: the decode worker decodes them. */
  pushEncoded(chunks: readonly CapturedChunk[]): void;
  /** Time passes with no data (live streams): lets a stall show while it lasts. */
  tick(at: number): void;
  end(at: number | null, outcome: Exclude<StreamStatus, 'live'>, error?: string): void;
  /** A capture budget stopped keeping its bytes after `bytesKept`: the first note stays. */
  truncate(note: string, bytesKept: number): void;
  /** Ends a stream whose bytes never came: no end-of-stream findings, no verdict. */
  closeUndecoded(): void;
  /** False for a stream closed undecoded: "no findings" means nothing then. */
  readonly decoded: boolean;
  /** Why the stream ended early, when the page or network said. */
  readonly error: string | undefined;
};

export type EntryOrigin = {
  /** The file (and HAR entry) an imported stream came from. */
  imported: string;
  /** False when the file says nothing of the response: its headers are not judged then. */
  headersKnown: boolean;
};

export function createStreamEntry(id: string, meta: StreamMeta, decoding: DecodeClient, origin?: EntryOrigin): StreamEntry {
  const revision = signal(0);
  const status = signal<StreamStatus>('live');
  let records: EventRecord[] = [];
  let previews: string[] = [];
  let findings: Finding[] = [];
  let summary: Summary | null = null;
  let generation = 0;
  let settled = true;
  let droppedEvents = 0;
  let bytesNotKept = false;
  let truncation: Truncation | null = null;
  let byteCount = 0;
  let endedAt: number | null = null;
  let lastDataAt: number | null = null;
  const requestJson = parseBody(meta.requestBody);
  let error: string | undefined;
  let decoded = true;

  function apply(progress: DecodeProgress): void {
    if (progress.generation !== generation) {
      // new settings: the worker decodes the stream again from the start
      generation = progress.generation;
      records = [];
      previews = [];
      findings = [];
      summary = null;
    }
    for (const record of progress.records) records.push(record);
    for (const preview of progress.previews) previews.push(preview);
    for (const finding of progress.findings) findings.push(finding);
    for (const { position, finding } of progress.changedFindings) findings[position] = finding;
    if (progress.summary) summary = progress.summary;
    settled = progress.idle;
    droppedEvents = progress.droppedEvents;
    lastDataAt = progress.lastDataAt;
    bytesNotKept = progress.bytesNotKept;
    revision.value++;
  }

  // Status 0 is a capture that never saw one (network log): no status to judge. EventSource
  // shows page script no headers at all (and opens only on a 200 event stream): none to judge.
  const response =
    meta.bytes === 'events' || origin?.headersKnown === false
      ? undefined
      : { ...(meta.status === 0 ? {} : { status: meta.status }), headers: meta.responseHeaders, ...(meta.headersVisible ? { headersVisible: meta.headersVisible } : {}) };
  decoding.start(id, { requestBody: meta.requestBody, response }, apply);

  return {
    id,
    meta,
    imported: origin?.imported ?? null,
    continues: continuedMessage(meta.requestBody),
    revision,
    status,
    get records() {
      return records;
    },
    get previews() {
      return previews;
    },
    get findings() {
      return findings;
    },
    get summary() {
      return summary;
    },
    get settled() {
      return settled;
    },
    get droppedEvents() {
      return droppedEvents;
    },
    get bytesNotKept() {
      return bytesNotKept;
    },
    get truncation() {
      return truncation;
    },
    get byteCount() {
      return byteCount;
    },
    get lastDataAt() {
      return lastDataAt;
    },
    requestJson,
    prompt: promptOf(requestJson),
    get endedAt() {
      return endedAt;
    },
    get error() {
      return error;
    },
    get decoded() {
      return decoded;
    },
    bytes: () => decoding.bytes(id),
    async report() {
      const report = await decoding.report(id);
      if (!report) return null;
      return { ...report, events: records, ...(truncation && { capture: { truncated: truncation.note, bytesKept: truncation.bytesKept } }) };
    },
    push(bytes, at) {
      if (status.peek() !== 'live') return;
      byteCount += typeof bytes === 'string' ? bytes.length : bytes.byteLength;
      settled = false;
      decoding.push(id, [{ bytes, at }]);
    },
    pushAll(chunks) {
      if (status.peek() !== 'live' || chunks.length === 0) return;
      byteCount += chunks.reduce((sum, chunk) => sum + chunk.bytes.byteLength, 0);
      settled = false;
      decoding.push(id, [...chunks]);
    },
    pushEncoded(chunks) {
      if (status.peek() !== 'live' || chunks.length === 0) return;
      byteCount += chunks.reduce((sum, chunk) => sum + decodedLength(chunk.base64), 0);
      settled = false;
      decoding.pushEncoded(id, [...chunks]);
    },
    tick(at) {
      if (status.peek() === 'live') decoding.tick(id, at);
    },
    truncate(note, bytesKept) {
      if (truncation) return;
      truncation = { note, bytesKept };
      revision.value++;
    },
    closeUndecoded() {
      if (status.peek() !== 'live') return;
      decoded = false;
      status.value = 'complete';
      revision.value++;
    },
    end(at, outcome, reason) {
      if (status.peek() !== 'live') return;
      endedAt = at;
      error = reason;
      settled = false;
      // Ending adds what only the end reveals (missing finish, …) when the worker reports back.
      decoding.end(id, at, outcome === 'cancelled' ? (reason ?? 'the page stopped reading') : null);
      status.value = outcome;
      revision.value++;
    },
  };
}
