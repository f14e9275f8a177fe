/**
 * The three decoders the decode bench races, each reading the same response-like body to its end
 * and returning what it saw, so a run that skipped work cannot pass the sanity checks.
 */
import { createParser } from 'eventsource-parser';
import { parseJsonEventStream, uiMessageChunkSchema } from 'ai';
import { createDecoder } from '../../protocol/index.js';

export type ContenderName = 'ours' | 'ai-sdk' | 'eventsource-parser';

/** What a contender saw: events read and chunks it accepted. */
export type Tally = { events: number; chunks: number };

type Contender = (body: ReadableStream<Uint8Array>) => Promise<Tally>;

/** Reads a stream to its end (a reader loop: the DOM typings lack async iteration). */
async function drain<T>(stream: ReadableStream<T>, onValue: (value: T) => void): Promise<void> {
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) onValue(read.value);
}

/** streamscope's full pipeline: parse, validate, lint, reassemble. */
async function ours(body: ReadableStream<Uint8Array>): Promise<Tally> {
  const decoder = createDecoder();
  await drain(body, (piece) => decoder.push(piece));
  const report = decoder.end();
  const loud = report.findings.filter((finding) => finding.severity !== 'info');
  if (loud.length > 0) throw new Error(`ours: the bench stream should lint clean, got ${loud.map((f) => f.code).join(', ')}`);
  if (report.message.parts.length === 0) throw new Error('ours: no message reassembled');
  return { events: report.summary.events, chunks: report.summary.chunks };
}

/** The AI SDK client's reader of a UI message stream response (no reassembly). */
async function aiSdk(body: ReadableStream<Uint8Array>): Promise<Tally> {
  let chunks = 0;
  let results = 0;
  await drain(parseJsonEventStream({ stream: body, schema: uiMessageChunkSchema }), (result) => {
    results++;
    if (result.success) chunks++;
  });
  // The client drops `[DONE]` before parsing: count it so events compare with the others.
  return { events: results + 1, chunks };
}

/** The floor: an SSE parser and JSON.parse, nothing checked. */
async function eventsourceParser(body: ReadableStream<Uint8Array>): Promise<Tally> {
  let events = 0;
  let chunks = 0;
  const parser = createParser({
    onEvent(event) {
      events++;
      if (event.data === '[DONE]') return;
      const value = JSON.parse(event.data) as { type?: unknown };
      if (typeof value.type === 'string') chunks++;
    },
  });
  const text = new TextDecoder();
  await drain(body, (piece) => parser.feed(text.decode(piece, { stream: true })));
  parser.feed(text.decode());
  return { events, chunks };
}

export const contenders: Readonly<Record<ContenderName, Contender>> = { ours, 'ai-sdk': aiSdk, 'eventsource-parser': eventsourceParser };
