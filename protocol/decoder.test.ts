import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDecoder, decodeStream, type Decoder } from './index.js';
import { decodeReportSchema } from './schemas/report.js';

const sample = readFileSync(new URL('./fixtures/ai-sdk-tool-multistep.sse', import.meta.url));
const autogpt = readFileSync(new URL('./fixtures/autogpt-copilot-turn.sse', import.meta.url));

/** Heap still in use after a full collection (vitest runs with --expose-gc). */
function liveHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

describe('decoder', () => {
  it('produces the report of DESIGN.md, valid against its schema', async () => {
    const report = await decodeStream(sample);
    expect(decodeReportSchema.safeParse(report).success).toBe(true);
    expect(report.summary).toMatchObject({ events: 16, chunks: 15, comments: 0, done: true, finished: true, dialect: 'ai-sdk' });
    expect(report.events[0]).toEqual({
      index: 0,
      kind: 'chunk',
      type: 'start',
      raw: 'data: {"type":"start"}',
      at: null,
      sse: { event: null, id: null },
      chunk: { type: 'start' },
      issues: [],
    });
    expect(report.events.at(-1)).toMatchObject({ kind: 'done', type: null });
  });

  it('accepts a string, bytes, a ReadableStream and an async iterable alike', async () => {
    const text = sample.toString('utf8');
    const bytes = new Uint8Array(sample);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.subarray(i, i + 7));
        controller.close();
      },
    });
    async function* pieces() {
      for (let i = 0; i < text.length; i += 5) yield text.slice(i, i + 5);
    }
    const expected = await decodeStream(text);
    for (const input of [bytes, stream, pieces()]) expect(await decodeStream(input)).toEqual(expected);
  });

  it('times events when asked, from the clock it is given', async () => {
    let now = 100;
    async function* slow() {
      yield 'data: {"type":"start"}\n\n';
      now = 350;
      yield 'data: {"type":"finish"}\n\n';
      now = 400;
    }
    const report = await decodeStream(slow(), { timing: true, now: () => now });
    expect(report.events.map((event) => event.at)).toEqual([0, 250]);
    expect(report.summary).toMatchObject({ firstChunkMs: 0, durationMs: 300 });
  });

  it('classifies every kind of record', async () => {
    const report = await decodeStream(
      [
        ': ping',
        'data: {"type":"start"}',
        'data: not json',
        'data: {"type":"text-delta","id":1,"delta":"x"}',
        'data: {"type":"whatever"}',
        'data: [DONE]',
      ].join('\n\n') + '\n\n',
    );
    expect(report.events.map((event) => event.kind)).toEqual(['comment', 'chunk', 'invalid-json', 'invalid-chunk', 'unknown-type', 'done']);
    expect(report.events[3].issues).toEqual([{ path: 'id', message: expect.stringContaining('string') }]);
    expect(report.events[0].comment).toBe('ping');
  });

  it('keeps no events unless asked, but counts them', () => {
    const seen: number[] = [];
    const decoder = createDecoder({ onRecord: (record) => seen.push(record.index) });
    decoder.push(sample);
    const report = decoder.end();
    expect(report.events).toEqual([]);
    expect(report.summary.events).toBe(16);
    expect(seen).toHaveLength(16);
  });

  it('never throws or hangs on random or mutated bytes', () => {
    const mutate = fc.tuple(fc.constantFrom(sample, autogpt), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 30 }));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 2000 }), mutate.map(([base, edits]) => {
        const bytes = new Uint8Array(base);
        for (const [at, value] of edits) bytes[at % bytes.length] = value;
        return bytes;
      })), fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        const decoder = createDecoder({ keepEvents: true });
        let from = 0;
        for (const cut of cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b)) {
          decoder.push(bytes.subarray(from, cut), from);
          from = cut;
        }
        decoder.push(bytes.subarray(from));
        const report = decoder.end();
        expect(decodeReportSchema.safeParse(report).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes a 32 MB single event fed in 64 KiB pieces, holding it about once', () => {
    const delta = 'x'.repeat(32 * 1024 * 1024);
    const bytes = new TextEncoder().encode(
      `data: {"type":"start"}\n\ndata: {"type":"text-start","id":"t"}\n\ndata: {"type":"text-delta","id":"t","delta":"${delta}"}\n\ndata: {"type":"text-end","id":"t"}\n\ndata: {"type":"finish"}\n\ndata: [DONE]\n\n`,
    );
    const decoder = createDecoder();
    const before = liveHeap();
    let peak = 0;
    for (let i = 0; i < bytes.length; i += 65536) {
      decoder.push(bytes.subarray(i, i + 65536));
      if (i % (64 * 65536) === 0) peak = Math.max(peak, liveHeap() - before);
    }
    const report = decoder.end();
    expect(report.findings).toEqual([]);
    expect((report.message.parts[0] as unknown as { text: string }).text).toHaveLength(delta.length);
    // The event's text, its JSON string and the message part: a few copies, not one per piece.
    expect(peak).toBeLessThan(8 * delta.length);
  });

  it('keeps none of the response text alive for the text parts that ended', () => {
    // Deltas of 13 characters or more may be slices of the decoded text, which pins the whole piece.
    const delta = 'abcdefghijklmnopqrstuvwxyz0123';
    const part = (id: number): string =>
      `data: {"type":"text-start","id":"${id}"}\n\n${`data: {"type":"text-delta","id":"${id}","delta":"${delta}"}\n\n`.repeat(100)}data: {"type":"text-end","id":"${id}"}\n\n`;
    let decoder: Decoder | null = createDecoder();
    decoder.push('data: {"type":"start"}\n\n');
    for (let id = 0; id < 2000; id++) decoder.push(part(id));
    const withDecoder = liveHeap();
    expect(decoder.end().message.parts).toHaveLength(2000);
    decoder = null;
    const held = withDecoder - liveHeap();
    // What the message must hold, against 16 MB of response text (26 MB held when it was kept).
    const messageText = 2000 * 100 * delta.length;
    expect(held).toBeLessThan(1.5 * messageText);
  });

  it('decodes 1,000,000 events in bounded memory when events are not kept', () => {
    const decoder = createDecoder();
    decoder.push(new TextEncoder().encode('data: {"type":"start"}\n\ndata: {"type":"text-start","id":"t"}\n\n'));
    const piece = new TextEncoder().encode('data: {"type":"text-delta","id":"t","delta":"ab"}\n\n: heartbeat\n\n'.repeat(1500));
    const before = liveHeap();
    let peak = 0;
    for (let round = 0; round < 333; round++) {
      decoder.push(piece);
      if (round % 50 === 0) peak = Math.max(peak, liveHeap() - before);
    }
    const report = decoder.end();
    expect(report.summary.events).toBe(999_002);
    expect((report.message.parts[0] as unknown as { text: string }).text).toHaveLength(999_000);
    // A kept record costs well over 100 bytes: keeping them would pass this bound many times over.
    expect(peak).toBeLessThan(32 * 1024 * 1024);
  });
});
