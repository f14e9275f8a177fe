/**
 * One SSE response the page read, as the page hook captured it, decoded and linted as its bytes
 * arrive by the protocol core with the test's options. A live stream's report is as of now: a
 * stall shows while it lasts.
 */
import type { Page } from '@playwright/test';
import { continuedMessage, createDecoder, type ClientVersion, type DecodeReport, type Decoder, type Dialect } from '../protocol/index.js';
import type { CaptureEnd, CapturedMeta } from './capture-messages.js';

/** How the streams of a test are decoded (the CLI's `--client`, `--dialect`, `--stall-ms`). */
export type StreamLintOptions = {
  /** The AI SDK major version whose client the findings describe (default 6). */
  client?: ClientVersion;
  /** `auto` (default) detects AutoGPT's dialect. */
  dialect?: Dialect | 'auto';
  /** A gap longer than this with no chunk is a `stall` (default 5000 ms). */
  stallMs?: number;
};

export type CapturedStream = {
  /** 0-based, in the order the responses started. */
  readonly index: number;
  readonly page: Page;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** `fetch`, `eventsource` or `xhr`. */
  readonly transport: string;
  /** Still being read by the page. */
  readonly live: boolean;
  /** How reading ended: `complete`, `cancelled` (the page stopped reading), `error`; null while live. */
  readonly outcome: CaptureEnd['outcome'] | 'live at test end' | null;
  /** Every byte the page read so far. */
  bytes(): Buffer;
  /** The decode report (DESIGN.md); for a live stream, as of now. */
  report(): DecodeReport;
};

/** The part of a captured stream its collection drives. */
export type StreamRecorder = CapturedStream & {
  chunk(at: number, bytes: Buffer): void;
  end(end: CaptureEnd): void;
  /** A stream still live when the test ends is closed where its bytes stopped. */
  close(): void;
};

export function createCapturedStream(index: number, page: Page, meta: CapturedMeta, options: StreamLintOptions): StreamRecorder {
  const decoder: Decoder = createDecoder({ ...options, keepEvents: true, message: continuedMessage(meta.requestBody) });
  const parts: Buffer[] = [];
  let lastAt = 0;
  /** When the last bytes arrived here, to tell how long a live stream has been quiet. */
  let lastSeen = performance.now();
  let outcome: CapturedStream['outcome'] = null;
  let final: DecodeReport | null = null;

  function finish(at: number, how: NonNullable<CapturedStream['outcome']>): void {
    if (final) return;
    outcome = how;
    final = decoder.end(at);
  }

  return {
    index,
    page,
    method: meta.method,
    url: meta.url,
    status: meta.status,
    transport: meta.transport,
    get live() {
      return final === null;
    },
    get outcome() {
      return outcome;
    },
    bytes: () => Buffer.concat(parts),
    report() {
      if (final) return final;
      // the page's clock now, estimated from when its last bytes arrived here
      decoder.tick(lastAt + (performance.now() - lastSeen));
      return decoder.report();
    },
    chunk(at, bytes) {
      if (final) return;
      parts.push(bytes);
      lastAt = Math.max(lastAt, at);
      lastSeen = performance.now();
      decoder.push(bytes, at);
    },
    end: (end) => finish(Math.max(lastAt, end.at), end.outcome),
    close: () => finish(lastAt, 'live at test end'),
  };
}
