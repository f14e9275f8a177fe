/**
 * Test-only: small crafted streams for the linter's finding codes. A stream is a list of chunks
 * (framed as AI SDK servers frame them) and raw SSE text (sent verbatim), then `data: [DONE]`.
 */
import { decodeStream } from '../decode-stream.js';
import type { DecoderOptions } from '../decoder.js';
import type { DecodeReport, Finding, FindingCode } from '../schemas/report.js';

export type ChunkLike = { type: string } & Record<string, unknown>;
export type StreamItem = ChunkLike | string;

/** SSE text: each chunk as `data: <json>\n\n`, strings as they are, then `data: [DONE]\n\n`. */
export function sseOf(items: readonly StreamItem[], options: { done?: boolean } = {}): string {
  const events = items.map((item) => (typeof item === 'string' ? item : `data: ${JSON.stringify(item)}\n\n`));
  return events.join('') + (options.done === false ? '' : 'data: [DONE]\n\n');
}

/** A one-step text turn; event indices 0–6, `[DONE]` is event 7. */
export const textTurn: readonly ChunkLike[] = [
  { type: 'start', messageId: 'm1' },
  { type: 'start-step' },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: 'Hello' },
  { type: 'text-end', id: 't1' },
  { type: 'finish-step' },
  { type: 'finish', finishReason: 'stop' },
];

/** `items` with the item at `index` replaced by `replacement` (nothing: removed). */
export function replaced(items: readonly StreamItem[], index: number, ...replacement: StreamItem[]): StreamItem[] {
  return [...items.slice(0, index), ...replacement, ...items.slice(index + 1)];
}

/** `items` with `inserted` placed before the item at `index`. */
export function inserted(items: readonly StreamItem[], index: number, ...insertion: StreamItem[]): StreamItem[] {
  return [...items.slice(0, index), ...insertion, ...items.slice(index)];
}

/** A tool call `id` of tool `name` with its input, as `streamText` sends it. */
export function toolInput(id: string, name = 'weather'): ChunkLike[] {
  return [
    { type: 'tool-input-start', toolCallId: id, toolName: name },
    { type: 'tool-input-delta', toolCallId: id, inputTextDelta: '{"city":"Berlin"}' },
    { type: 'tool-input-available', toolCallId: id, toolName: name, input: { city: 'Berlin' } },
  ];
}

export function decode(text: string, options: Omit<DecoderOptions, 'keepEvents'> = {}): Promise<DecodeReport> {
  return decodeStream(text, options);
}

export function findingsOf(report: DecodeReport, code: FindingCode): Finding[] {
  return report.findings.filter((finding) => finding.code === code);
}

/** The findings' codes, for "nothing else was reported" checks. */
export function codesOf(report: DecodeReport): FindingCode[] {
  return report.findings.map((finding) => finding.code);
}
