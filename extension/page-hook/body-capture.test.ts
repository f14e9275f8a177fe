import { describe, expect, it } from 'vitest';
import { createBodyCapture, passThrough } from './body-capture.js';
import type { StreamSink } from './emitter.js';

function recordingSink() {
  const chunks: string[] = [];
  const ends: string[] = [];
  const sink: StreamSink = {
    chunk: (bytes) => chunks.push(new TextDecoder().decode(bytes)),
    end: (outcome) => ends.push(outcome),
    get ended() {
      return ends.length > 0;
    },
  };
  return { sink, chunks, ends };
}

/** A byte source like a fetch body (its tee copies chunks), counting pulls and cancels, fed by hand. */
function source() {
  let controller!: ReadableByteStreamController;
  const state = { pulls: 0, cancelled: undefined as unknown };
  const stream = new ReadableStream(
    {
      type: 'bytes',
      start: (c: ReadableByteStreamController) => void (controller = c),
      pull: () => void state.pulls++,
      cancel: (reason: unknown) => void (state.cancelled = reason),
    },
    { highWaterMark: 0 },
  );
  return { stream, state, push: (text: string) => controller.enqueue(new TextEncoder().encode(text)), close: () => controller.close(), error: (e: unknown) => controller.error(e) };
}

describe('passThrough', () => {
  it('reads the source only when the page reads, and captures each chunk as handed on', async () => {
    const { sink, chunks, ends } = recordingSink();
    const src = source();
    const body = passThrough(() => src.stream, createBodyCapture(sink));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(src.state.pulls).toBe(0);
    expect(body.disturbed).toBe(false);
    const reader = body.stream.getReader();
    const read = reader.read();
    src.push('a');
    expect(new TextDecoder().decode((await read).value)).toBe('a');
    expect(body.disturbed).toBe(true);
    const next = reader.read();
    src.close();
    expect((await next).done).toBe(true);
    expect(chunks).toEqual(['a']);
    expect(ends).toEqual(['complete']);
    expect(src.stream.locked).toBe(false);
  });

  it('cancels the source with the page reason, and ends the capture', async () => {
    const { sink, ends } = recordingSink();
    const src = source();
    const body = passThrough(() => src.stream, createBodyCapture(sink));
    await body.stream.cancel('stop');
    expect(src.state.cancelled).toBe('stop');
    expect(ends).toEqual(['cancelled']);
  });

  it('passes a source error through as the same object', async () => {
    const { sink, ends } = recordingSink();
    const src = source();
    const body = passThrough(() => src.stream, createBodyCapture(sink));
    const failure = new DOMException('gone', 'AbortError');
    const reading = body.stream.getReader().read();
    src.error(failure);
    await expect(reading).rejects.toBe(failure);
    expect(ends).toEqual(['cancelled']);
  });

  it('captures tee branches once, whichever reads first', async () => {
    const { sink, chunks, ends } = recordingSink();
    const src = source();
    const [left, right] = src.stream.tee();
    const capture = createBodyCapture(sink);
    capture.branches = 2;
    const a = passThrough(() => left, capture).stream.getReader();
    const b = passThrough(() => right, capture).stream.getReader();
    src.push('1');
    src.push('2');
    src.close();
    await b.read();
    await a.read();
    await a.read();
    await b.read();
    await a.read();
    expect(chunks).toEqual(['1', '2']);
    expect(ends).toEqual(['complete']);
  });
});
