/**
 * The decode worker's logic, free of any worker API so tests run it in process: it keeps each
 * stream's bytes and decoder, decodes queued input in time-boxed slices (yielding between them so
 * a settings change or a report request is answered while a 10 MB event decodes), and posts what
 * each slice produced.
 */
import { continuedMessage, createDecoder, type Decoder, type DecodeReport, type EventRecord, type Finding, type ResponseInfo } from '../../../protocol/index.js';
import {
  defaultDecodeSettings,
  panelLimits,
  type DecodeSettings,
  type PanelChunkIn,
  type PanelToWorkerMessage,
  type WorkerToPanelMessage,
} from './decode-messages.js';
import { fromBase64 } from '../../shared/base64.js';
import { eventPreview } from '../view-model/event-row.js';
import { readImport, type ImportResult } from '../view-model/imports.js';

export type HostOptions = {
  post(message: WorkerToPanelMessage, transfer?: Transferable[]): void;
  /** Runs `task` soon, after pending messages (a worker yields with a MessageChannel). */
  schedule(task: () => void): void;
  now?: () => number;
  /** Milliseconds of decoding before the host posts and yields. */
  sliceMs?: number;
  /** Input bytes fed to a decoder at once: larger chunks are cut so a slice can end between them. */
  pieceBytes?: number;
  limits?: { eventsPerStream: number; bytesPerTab: number };
};

type HostedStream = {
  id: string;
  requestBody: string | null;
  response: ResponseInfo | undefined;
  kept: PanelChunkIn[];
  bytesNotKept: boolean;
  queue: PanelChunkIn[];
  endAt: number | null | undefined;
  cancelled: string | null;
  ended: DecodeReport | null;
  decoder: Decoder;
  records: EventRecord[];
  /** Each record's payload column, cut here once so the panel never stringifies a huge chunk. */
  previews: string[];
  findings: Finding[];
  /** Where each finding of this generation stands among them, so a change can name it. */
  findingPositions: Map<Finding, number>;
  changedFindings: { position: number; finding: Finding }[];
  sentEvents: number;
  droppedEvents: number;
  lastDataAt: number | null;
  dirty: boolean;
};

const sizeOf = (bytes: Uint8Array | string) => (typeof bytes === 'string' ? bytes.length * 2 : bytes.byteLength);

/** Cuts a chunk into pieces of at most `size` bytes (UTF-8 split across pieces is fine: the decoder joins them). */
function piecesOf(chunk: PanelChunkIn, size: number): PanelChunkIn[] {
  const length = typeof chunk.bytes === 'string' ? chunk.bytes.length : chunk.bytes.byteLength;
  if (length <= size) return [chunk];
  const pieces: PanelChunkIn[] = [];
  for (let start = 0; start < length; start += size) {
    const bytes = typeof chunk.bytes === 'string' ? chunk.bytes.slice(start, start + size) : chunk.bytes.subarray(start, start + size);
    pieces.push({ bytes, at: chunk.at });
  }
  return pieces;
}

/** `readImport`, answered even should it throw: the panel waits for this answer. */
function readFile(name: string, bytes: Uint8Array, now: number): ImportResult {
  try {
    return readImport(name, bytes, now);
  } catch (error) {
    return { ok: false, problem: `${name}: could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

export function createDecodeHost(options: HostOptions): (message: PanelToWorkerMessage) => void {
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 8;
  const pieceBytes = options.pieceBytes ?? 64 * 1024;
  const limits = options.limits ?? panelLimits;
  const streams = new Map<string, HostedStream>();
  let settings: DecodeSettings = defaultDecodeSettings;
  let generation = 0;
  let bytesKept = 0;
  let scheduled = false;

  function newDecoder(stream: HostedStream): Decoder {
    return createDecoder({
      client: settings.client,
      dialect: settings.dialect,
      stallMs: settings.stallMs,
      schemas: settings.schemas ?? undefined,
      response: stream.response,
      message: continuedMessage(stream.requestBody),
      onRecord: (record) => {
        if (record.kind !== 'comment' && record.at !== null) stream.lastDataAt = record.at;
        if (stream.sentEvents < limits.eventsPerStream) {
          stream.sentEvents++;
          stream.records.push(record);
          stream.previews.push(eventPreview(record));
        } else stream.droppedEvents++;
      },
      onFinding: (finding) => {
        stream.findingPositions.set(finding, stream.findingPositions.size);
        stream.findings.push(finding);
      },
      onFindingChange: (before, after) => changeFinding(stream, before, after),
    });
  }

  function changeFinding(stream: HostedStream, before: Finding, after: Finding): void {
    const position = stream.findingPositions.get(before);
    if (position === undefined) return;
    stream.findingPositions.delete(before);
    stream.findingPositions.set(after, position);
    const unsent = stream.findings.indexOf(before);
    if (unsent >= 0) stream.findings[unsent] = after;
    else stream.changedFindings.push({ position, finding: after });
    stream.dirty = true;
  }

  /** A fresh decoder over the stream's kept bytes (a new stream, or new settings). */
  function restart(stream: HostedStream): void {
    stream.records = [];
    stream.previews = [];
    stream.findings = [];
    stream.findingPositions = new Map();
    stream.changedFindings = [];
    stream.sentEvents = 0;
    stream.droppedEvents = 0;
    stream.lastDataAt = null;
    stream.ended = null;
    stream.queue = stream.kept.flatMap((chunk) => piecesOf(chunk, pieceBytes));
    stream.dirty = true;
    stream.decoder = newDecoder(stream);
  }

  function open(id: string, requestBody: string | null, response: ResponseInfo | undefined): HostedStream {
    const stream: Omit<HostedStream, 'decoder'> & { decoder?: Decoder } = {
      id,
      requestBody,
      response,
      cancelled: null,
      kept: [],
      bytesNotKept: false,
      queue: [],
      endAt: undefined,
      ended: null,
      records: [],
      previews: [],
      findings: [],
      findingPositions: new Map(),
      changedFindings: [],
      sentEvents: 0,
      droppedEvents: 0,
      lastDataAt: null,
      dirty: true,
    };
    stream.decoder = newDecoder(stream as HostedStream);
    return stream as HostedStream;
  }

  function keep(stream: HostedStream, chunk: PanelChunkIn): void {
    const size = sizeOf(chunk.bytes);
    if (stream.bytesNotKept || bytesKept + size > limits.bytesPerTab) {
      stream.bytesNotKept = true;
      return;
    }
    stream.kept.push(chunk);
    bytesKept += size;
  }

  function post(stream: HostedStream): void {
    const idle = stream.queue.length === 0 && (stream.endAt === undefined || stream.ended !== null);
    const summary = idle ? (stream.ended ?? stream.decoder.report()).summary : null;
    const message: WorkerToPanelMessage = {
      kind: 'progress',
      id: stream.id,
      generation,
      records: stream.records,
      previews: stream.previews,
      findings: stream.findings,
      changedFindings: stream.changedFindings,
      summary,
      idle,
      lastDataAt: stream.lastDataAt,
      droppedEvents: stream.droppedEvents,
      bytesNotKept: stream.bytesNotKept,
    };
    stream.records = [];
    stream.previews = [];
    stream.findings = [];
    stream.changedFindings = [];
    stream.dirty = false;
    options.post(message);
  }

  /** Decodes until the slice's time is up; returns whether work is left. */
  function slice(): boolean {
    const deadline = now() + sliceMs;
    let left = false;
    for (const stream of streams.values()) {
      while (stream.queue.length > 0 && now() < deadline) {
        const piece = stream.queue.shift()!;
        stream.decoder.push(piece.bytes, piece.at);
        stream.dirty = true;
      }
      if (stream.queue.length === 0 && stream.endAt !== undefined && stream.ended === null) {
        stream.ended = stream.decoder.end(stream.endAt, stream.cancelled === null ? undefined : { cancelled: { reason: stream.cancelled } });
        stream.dirty = true;
      }
      if (stream.queue.length > 0) left = true;
      if (stream.dirty) post(stream);
    }
    return left;
  }

  function pump(): void {
    scheduled = false;
    if (slice()) wake();
  }

  function wake(): void {
    if (scheduled) return;
    scheduled = true;
    options.schedule(pump);
  }

  function push(id: string, chunks: readonly PanelChunkIn[]): void {
    const stream = streams.get(id);
    if (!stream || stream.endAt !== undefined) return;
    for (const chunk of chunks) {
      keep(stream, chunk);
      stream.queue.push(...piecesOf(chunk, pieceBytes));
    }
    wake();
  }

  function report(id: string): DecodeReport | null {
    const stream = streams.get(id);
    if (!stream) return null;
    return stream.ended ?? stream.decoder.report();
  }

  return (message) => {
    switch (message.kind) {
      case 'settings':
        settings = message.settings;
        generation++;
        for (const stream of streams.values()) restart(stream);
        return wake();
      case 'start':
        if (!streams.has(message.id)) streams.set(message.id, open(message.id, message.requestBody, message.response));
        return wake();
      case 'push':
        return push(message.id, message.chunks);
      case 'push-encoded':
        return push(
          message.id,
          message.chunks.map(({ base64, at }) => ({ bytes: fromBase64(base64), at })),
        );
      case 'tick': {
        const stream = streams.get(message.id);
        if (!stream || stream.endAt !== undefined || stream.queue.length > 0) return;
        stream.decoder.tick(message.at);
        if (stream.findings.length > 0 || stream.changedFindings.length > 0) post(stream);
        return;
      }
      case 'end': {
        const stream = streams.get(message.id);
        if (!stream || stream.endAt !== undefined) return;
        stream.endAt = message.at;
        stream.cancelled = message.cancelled;
        return wake();
      }
      case 'remove':
        for (const id of message.ids) {
          const stream = streams.get(id);
          if (!stream) continue;
          bytesKept -= stream.kept.reduce((sum, chunk) => sum + sizeOf(chunk.bytes), 0);
          streams.delete(id);
        }
        return;
      case 'report':
        return options.post({ kind: 'report', request: message.request, report: report(message.id) });
      case 'read-file': {
        const result = readFile(message.name, message.bytes, message.now);
        const buffers = result.ok ? result.streams.flatMap((stream) => (stream.chunks ?? []).map((chunk) => chunk.bytes.buffer as ArrayBuffer)) : [];
        return options.post({ kind: 'file-read', request: message.request, result }, [...new Set(buffers)]);
      }
      case 'bytes': {
        const stream = streams.get(message.id);
        const encoder = new TextEncoder();
        const chunks = stream?.kept.map(({ bytes, at }) => ({ bytes: typeof bytes === 'string' ? encoder.encode(bytes) : bytes.slice(), at })) ?? null;
        return options.post({ kind: 'bytes', request: message.request, chunks }, chunks?.map((chunk) => chunk.bytes.buffer as ArrayBuffer));
      }
    }
  };
}
