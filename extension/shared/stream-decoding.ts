/**
 * Captured chunks → protocol decoder records and findings: the one place the panel turns what the
 * background sends (base64 chunks with arrival times, an end) into `createDecoder` input.
 */
import { createDecoder, type DecodeReport, type DecoderOptions } from '../../protocol/index.js';
import { fromBase64 } from './base64.js';
import type { CapturedChunk, StreamEnd } from './messages.js';

export type StreamDecoding = {
  /** Chunks as the background sends them (base64) or as the panel client decoded them. */
  push(chunks: readonly (CapturedChunk | { bytes: Uint8Array; at: number })[]): void;
  /** Live streams: time passes without data (a stall shows while it lasts). */
  tick(at: number): void;
  end(end: StreamEnd): DecodeReport;
  report(): DecodeReport;
};

export function createStreamDecoding(options: DecoderOptions = {}): StreamDecoding {
  const decoder = createDecoder(options);
  let final: DecodeReport | null = null;
  return {
    push(chunks) {
      if (final) return;
      for (const chunk of chunks) decoder.push('base64' in chunk ? fromBase64(chunk.base64) : chunk.bytes, chunk.at);
    },
    tick(at) {
      if (!final) decoder.tick(at);
    },
    end(end) {
      final ??= decoder.end(end.at);
      return final;
    },
    report: () => final ?? decoder.report(),
  };
}

/** A whole captured stream decoded at once (an ended stream, an export), events kept. */
export function decodeCaptured(chunks: readonly CapturedChunk[], end: StreamEnd | null, options: DecoderOptions = {}): DecodeReport {
  const decoding = createStreamDecoding({ keepEvents: true, ...options });
  decoding.push(chunks);
  return end ? decoding.end(end) : decoding.report();
}
