/**
 * The benchmark's input: a long, lint-clean AI SDK UI message stream, mostly text deltas with
 * some multi-step tool calls whose input is streamed, encoded with streamscope's own encoder and
 * cut into network-sized byte chunks. Everything is derived from a seed, so runs compare.
 */
import { encodeChunk, encodeDone, type UIMessageChunk } from '../../protocol/index.js';
import { createRandom, type Random } from './random.js';

export type BenchStream = {
  /** SSE events in the stream, `[DONE]` included. */
  events: number;
  /** Events that carry a chunk (all but `[DONE]`). */
  chunks: number;
  bytes: Uint8Array;
  /** `bytes` cut into consecutive pieces, as a response body would deliver them. */
  pieces: Uint8Array[];
};

export type BenchStreamOptions = { events: number; seed: number; minPiece: number; maxPiece: number };

// Some multi-byte characters and JSON escapes, so that pieces split characters and escapes.
const words = ['the', 'stream', 'parser', 'token', 'delta', 'tool', 'café', 'naïve', '日本語', '🚀', 'a "quote"', 'line\n', 'tab\t', 'über', 'model', 'data'];
const tools = ['weather', 'search', 'calculator', 'lookup'];

// A text step costs start-step, text-start, text-end and finish-step besides its deltas.
const textStepOverhead = 4;
const maxTextDeltas = 400;

function textStep(random: Random, part: number, deltas: number): UIMessageChunk[] {
  const id = `text-${part}`;
  const chunks: UIMessageChunk[] = [{ type: 'start-step' }, { type: 'text-start', id }];
  for (let i = 0; i < deltas; i++) {
    const count = random.int(1, 4);
    let delta = '';
    for (let w = 0; w < count; w++) delta += `${random.pick(words)} `;
    chunks.push({ type: 'text-delta', id, delta });
  }
  chunks.push({ type: 'text-end', id }, { type: 'finish-step' });
  return chunks;
}

function toolCall(random: Random, toolCallId: string): UIMessageChunk[] {
  const toolName = random.pick(tools);
  const input = { query: Array.from({ length: random.int(3, 20) }, () => random.pick(words)).join(' '), limit: random.int(1, 50), exact: random.next() < 0.5 };
  const text = JSON.stringify(input);
  const chunks: UIMessageChunk[] = [{ type: 'tool-input-start', toolCallId, toolName }];
  // Streamed input arrives in token-sized pieces that cut strings, numbers and escapes anywhere.
  for (let at = 0; at < text.length; ) {
    const size = random.int(2, 12);
    chunks.push({ type: 'tool-input-delta', toolCallId, inputTextDelta: text.slice(at, at + size) });
    at += size;
  }
  chunks.push({ type: 'tool-input-available', toolCallId, toolName, input }, { type: 'tool-output-available', toolCallId, output: { results: input.limit, summary: `${toolName} ok` } });
  return chunks;
}

function toolStep(random: Random, step: number): UIMessageChunk[] {
  const calls = random.int(1, 3);
  const chunks: UIMessageChunk[] = [{ type: 'start-step' }];
  for (let call = 0; call < calls; call++) chunks.push(...toolCall(random, `call-${step}-${call}`));
  chunks.push({ type: 'finish-step' });
  return chunks;
}

/** Chunks of one message with exactly `events - 1` chunks (the last event is `[DONE]`). */
export function generateChunks(events: number, seed: number): UIMessageChunk[] {
  const random = createRandom(seed);
  const target = events - 1;
  const chunks: UIMessageChunk[] = [{ type: 'start', messageId: 'bench-message' }];
  // Room for `finish` and one last text step of any size up to the largest a loop step makes.
  const reserve = 1 + textStepOverhead + maxTextDeltas + 200;
  if (target < reserve) throw new Error(`bench stream: at least ${reserve + 1} events needed, got ${events}`);
  for (let step = 0; chunks.length < target - reserve; step++) {
    chunks.push(...(random.next() < 0.3 ? toolStep(random, step) : textStep(random, step, random.int(20, maxTextDeltas))));
  }
  chunks.push(...textStep(random, -1, target - chunks.length - textStepOverhead - 1));
  chunks.push({ type: 'finish', finishReason: 'stop' });
  return chunks;
}

/** Consecutive views of `bytes`, each between `min` and `max` bytes long (the last may be shorter). */
export function splitBytes(bytes: Uint8Array, min: number, max: number, random: Random): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = random.int(min, max);
    pieces.push(bytes.subarray(at, at + size));
    at += size;
  }
  return pieces;
}

export function createBenchStream(options: BenchStreamOptions): BenchStream {
  const chunks = generateChunks(options.events, options.seed);
  const text = chunks.map((chunk) => encodeChunk(chunk)).join('') + encodeDone();
  const bytes = new TextEncoder().encode(text);
  const pieces = splitBytes(bytes, options.minPiece, options.maxPiece, createRandom(options.seed + 1));
  return { events: chunks.length + 1, chunks: chunks.length, bytes, pieces };
}

/** A fresh response-like body over the pieces: each read yields the next piece. */
export function bodyOf(pieces: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < pieces.length) controller.enqueue(pieces[next++]);
      else controller.close();
    },
  });
}
