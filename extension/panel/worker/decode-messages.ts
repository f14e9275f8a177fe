/**
 * The messages between the panel and its decode worker, named by direction. The worker owns every
 * stream's decoder and bytes; the panel sends what the background captured and receives records,
 * findings and summaries in slices, so no stream can keep the panel's UI thread busy.
 */
import { limits, type AppSchemas, type ClientVersion, type DecodeReport, type Dialect, type EventRecord, type Finding, type ResponseInfo, type Summary } from '../../../protocol/index.js';
import type { CapturedChunk } from '../../shared/messages.js';
import type { ImportResult } from '../view-model/imports.js';

/** What the panel judges streams by; changing it re-decodes every stream from its kept bytes. */
export type DecodeSettings = {
  client: ClientVersion;
  dialect: Dialect | 'auto';
  stallMs: number;
  /** The app's own JSON Schemas (tools, data parts, metadata), checked beforehand; null: none. */
  schemas: AppSchemas | null;
};

export const defaultDecodeSettings: DecodeSettings = { client: '6', dialect: 'auto', stallMs: limits.stallMs, schemas: null };

/** Limits a user sees in the panel, with a note when one is reached. */
export const panelLimits = {
  /** Events kept per stream for the events view; findings and the message still cover them all. */
  eventsPerStream: 100_000,
  /** Bytes kept for the tab's streams (for re-judging and `.sse` export); past it a stream's bytes are not kept. */
  bytesPerTab: 256 * 1024 * 1024,
} as const;

export type PanelChunkIn = { bytes: Uint8Array | string; at: number | null };
/** A chunk as the background captured it: bytes in base64, `at` ms since the response started. */
export type EncodedChunk = CapturedChunk;

export type PanelToWorkerMessage =
  | { kind: 'settings'; settings: DecodeSettings }
  /** `response`: status and headers where known (checked as `header-problem`, named in `wrong-protocol`). */
  | { kind: 'start'; id: string; requestBody: string | null; response: ResponseInfo | undefined }
  | { kind: 'push'; id: string; chunks: PanelChunkIn[] }
  | { kind: 'push-encoded'; id: string; chunks: EncodedChunk[] }
  | { kind: 'tick'; id: string; at: number }
  /** `cancelled`: the page stopped reading (its own stop), in its words; not a server fault. */
  | { kind: 'end'; id: string; at: number | null; cancelled: string | null }
  | { kind: 'remove'; ids: string[] }
  | { kind: 'report'; id: string; request: number }
  | { kind: 'bytes'; id: string; request: number }
  /** A file to import, read here so a large HAR or scenario never holds up the panel; `now`: epoch ms for untimed files. */
  | { kind: 'read-file'; request: number; name: string; bytes: Uint8Array; now: number };

/** Records, findings and (once the stream's queue drains) the summary decoded since the last progress. */
export type DecodeProgress = {
  kind: 'progress';
  id: string;
  /** Bumped when settings change: the panel drops what it had and takes the new decode. */
  generation: number;
  records: EventRecord[];
  /** The payload column of each record (`eventPreview`), cut once here. */
  previews: string[];
  findings: Finding[];
  /**
   * Findings sent before that changed since (a live stall's growing length, then its real one):
   * `position` counts the stream's findings of this generation in the order they were sent.
   */
  changedFindings: { position: number; finding: Finding }[];
  summary: Summary | null;
  /** Every queued byte is decoded (and, after `end`, the end-of-stream findings are in). */
  idle: boolean;
  /** ms since the response started of the last data (non-comment) event, null before one. */
  lastDataAt: number | null;
  /** Events decoded but not sent (past `eventsPerStream`). */
  droppedEvents: number;
  /** Bytes of this stream not kept (past `bytesPerTab`). */
  bytesNotKept: boolean;
};

export type WorkerToPanelMessage =
  | DecodeProgress
  | { kind: 'report'; request: number; report: DecodeReport | null }
  | { kind: 'bytes'; request: number; chunks: { bytes: Uint8Array; at: number | null }[] | null }
  | { kind: 'file-read'; request: number; result: ImportResult };
