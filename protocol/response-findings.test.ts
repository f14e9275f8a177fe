/**
 * Findings about the response as a whole — what the body is (`wrong-protocol`), its headers
 * (`header-problem`), how it arrived (`buffered-delivery`, `stall`) and how it ended (`terminal`) —
 * each checked against what the real AI SDK client does with the same response.
 */
import { describe, expect, it } from 'vitest';
import { createDecoder } from './decoder.js';
import { decodeStream } from './decode-stream.js';
import { encodeChunk } from './encoder.js';
import type { ResponseInfo } from './response-headers.js';
import { codesOf, decode, findingsOf, inserted, runChat, sseOf, textTurn } from './test-support/linter-cases.js';
import { byteStream, startSdkClient } from './test-support/client.js';

const turn = sseOf(textTurn);

describe('wrong-protocol: one finding saying what the body is instead', () => {
  const bodies: Array<[string, string, string, 'nothing' | 'fails']> = [
    ['an AI SDK 4 data stream', '0:"Hello"\n0:" world"\ne:{"finishReason":"stop"}\nd:{"finishReason":"stop"}\n', 'AI SDK 4 data stream', 'nothing'],
    ['a plain text stream', 'Hello world, this is the answer.\nAnd a second line.\n', 'plain text', 'nothing'],
    ["OpenAI's own SSE", 'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\ndata: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"!"}}]}\n\ndata: [DONE]\n\n', 'OpenAI', 'fails'],
    ["Anthropic's own SSE", 'event: message_start\ndata: {"type":"message_start","message":{}}\n\nevent: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}\n\n', 'Anthropic', 'fails'],
    ['a JSON error object', '{"error":{"message":"rate limited","type":"rate_limit"}}', 'JSON', 'nothing'],
    ['an HTML error page', '<!DOCTYPE html>\n<html><body><h1>502 Bad Gateway</h1></body></html>\n', 'HTML', 'nothing'],
    ['an empty body', '', 'empty', 'nothing'],
  ];

  it.each(bodies)('%s', async (_name, body, what, client) => {
    const report = await decode(body, { response: { status: 200, headers: { 'content-type': 'text/plain' } } });
    expect(codesOf(report)).toEqual(['wrong-protocol']);
    const [finding] = report.findings;
    expect(finding).toMatchObject({ severity: 'error', event: null });
    expect(finding.message).toContain(what);
    expect(finding.message).toContain('content type "text/plain"');
    if (body !== '') expect(finding.message).toContain(JSON.stringify(body.slice(0, 20)).slice(1, -1));
    const chat = await runChat(body);
    if (client === 'nothing') {
      expect(chat).toMatchObject({ status: 'ready', error: undefined, message: undefined });
      expect(finding.message).toContain('the user sees nothing');
    } else {
      expect(chat.status).toBe('error');
      expect(chat.error?.message).toContain('Type validation failed');
      expect(finding.message).toContain('fails its chunk schema on the first event');
    }
  });

  it('a UI message stream is not one, whatever its first line (a comment, a retry, a BOM)', async () => {
    for (const body of [turn, `: heartbeat\n\n${turn}`, `retry: 3000\n\n${turn}`, `\uFEFF${turn}`, `\n\n${turn}`]) {
      expect(codesOf(await decode(body))).toEqual([]);
      expect(codesOf(await decodeStream(new TextEncoder().encode(body)))).toEqual([]);
    }
  });

  it('is told from the first line even when the bytes arrive one at a time', async () => {
    const body = new TextEncoder().encode('0:"Hello"\nd:{"finishReason":"stop"}\n');
    const cuts = Array.from({ length: body.length - 1 }, (_, i) => i + 1);
    const report = await decodeStream(byteStream(body, cuts));
    expect(codesOf(report)).toEqual(['wrong-protocol']);
  });

  it('a reader that stopped before any byte is not an empty body', async () => {
    const report = await decodeStream(new ReadableStream<Uint8Array>(), { timeout: 0 });
    expect(codesOf(report)).toEqual(['missing-finish']);
    expect(report.summary.terminal).toBe('cancelled');
  });
});

describe('header-problem: what the client does with the response', () => {
  it('an error status: DefaultChatTransport never reads the stream, the body becomes the error message', async () => {
    const chat = await runChat(turn, { response: { status: 500, headers: { 'content-type': 'text/event-stream' } } });
    expect(chat.status).toBe('error');
    expect(chat.error?.message).toBe(turn);
    expect(chat.message).toBeUndefined();
  });

  it('another content type or a content-encoding: the client parses the stream anyway', async () => {
    const responses: Array<Record<string, string>> = [{ 'content-type': 'application/json' }, { 'content-type': 'text/event-stream', 'content-encoding': 'identity' }];
    for (const headers of responses) {
      const chat = await runChat(turn, { response: { headers } });
      expect(chat).toMatchObject({ status: 'ready', finishReason: 'stop' });
    }
  });

  it('all of them at once, worst first; none without headers', async () => {
    const report = await decode(turn, { response: { status: 502, headers: { 'Content-Type': 'text/plain', 'Content-Encoding': 'br' } } });
    expect(findingsOf(report, 'header-problem').map((finding) => finding.severity)).toEqual(['error', 'warning', 'warning', 'info']);
    expect(codesOf(await decode(turn))).toEqual([]);
  });
});

describe('buffered-delivery', () => {
  const frames = sseOf([...textTurn.slice(0, 3), ...Array.from({ length: 20 }, (_, i) => ({ type: 'text-delta', id: 't1', delta: `w${i} ` })), ...textTurn.slice(4)]).match(/[^\n]*\n\n/g) as string[];

  function decodeReads(reads: ReadonlyArray<[number, string[]]>) {
    const decoder = createDecoder();
    for (const [at, events] of reads) decoder.push(events.join(''), at);
    return decoder.end(reads.at(-1)?.[0] ?? 0);
  }

  it('most events in one read after a silence: reported; the same events spread over reads: not', () => {
    const buffered = decodeReads([
      [20, frames.slice(0, 2)],
      [4000, frames.slice(2, -1)],
      [4001, frames.slice(-1)],
    ]);
    const [finding] = findingsOf(buffered, 'buffered-delivery');
    expect(finding).toMatchObject({ severity: 'warning', event: null });
    expect(finding.message).toMatch(/^\d+ of 27 events arrived in one network read at 4\.0 s, after 4\.0 s with nothing/);
    const streamed = decodeReads(frames.map((frame, i) => [20 + i * 150, [frame]]));
    expect(codesOf(streamed)).toEqual([]);
    // Fast and whole is not buffered: a short reply read at once right away.
    expect(codesOf(decodeReads([[30, frames]]))).toEqual([]);
  });

  it('the real client shows nothing until the burst, then every snapshot at once', async () => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    const client = startSdkClient(body);
    const settled = async (): Promise<number> => {
      // Let the client read what was enqueued: a few turns of the event loop, no timer.
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
      return client.messages.length;
    };
    controller.enqueue(new TextEncoder().encode(frames.slice(0, 2).join('')));
    const beforeBurst = await settled();
    controller.enqueue(new TextEncoder().encode(frames.slice(2).join('')));
    controller.close();
    const afterBurst = await settled();
    expect(beforeBurst).toBeLessThanOrEqual(1);
    expect(afterBurst - beforeBurst).toBeGreaterThan(20);
    expect((await client.done).error).toBeUndefined();
  });
});

describe('terminal: how the stream ended', () => {
  const endings: Array<[string, string, string]> = [
    ['finish', turn, 'finish'],
    ['abort', sseOf([...textTurn.slice(0, 5), { type: 'abort' }]), 'abort'],
    ['an error chunk', sseOf(inserted(textTurn, 5, { type: 'error', errorText: 'overloaded' })), 'error'],
    ['a chunk the client fails on', sseOf(inserted(textTurn, 5, { type: 'usage', totalTokens: 1 })), 'error'],
    ['bytes that stop', sseOf(textTurn.slice(0, 4), { done: false }), 'cut'],
  ];

  it.each(endings)('%s', async (_name, bytes, terminal) => {
    expect((await decode(bytes)).summary.terminal).toBe(terminal);
  });

  it('is null while the stream is read', () => {
    const decoder = createDecoder();
    decoder.push(turn);
    expect(decoder.report().summary.terminal).toBeNull();
    expect(decoder.end().summary.terminal).toBe('finish');
  });
});

describe('decodeStream with signal and timeout: a stuck stream still gives a report', () => {
  /** A body that sends the first events and then never another byte, as a stuck session does. */
  const stuck = (): ReadableStream<Uint8Array> =>
    new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode(sseOf(textTurn.slice(0, 4), { done: false }))) });

  it('timeout: cancelled, the missing finish is info and says the reader stopped', async () => {
    const report = await decodeStream(stuck(), { timeout: 50 });
    expect(report.summary.terminal).toBe('cancelled');
    expect(report.summary.chunks).toBe(4);
    expect(report.findings).toEqual([expect.objectContaining({ code: 'missing-finish', severity: 'info' })]);
    expect(report.findings[0].message).toContain('the reader stopped (the timeout of 50 ms passed)');
    expect(report.findings[0].message).toContain('not a server fault');
  });

  it('signal: reading stops when it aborts, and the body is cancelled', async () => {
    const controller = new AbortController();
    let cancelled: unknown;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(new TextEncoder().encode(sseOf(textTurn.slice(0, 2), { done: false }))),
      cancel: (reason) => void (cancelled = reason),
    });
    const reading = decodeStream(body, { signal: controller.signal });
    controller.abort(new Error('test over'));
    const report = await reading;
    expect(report.summary.terminal).toBe('cancelled');
    expect(report.findings[0].message).toContain('the signal aborted: test over');
    expect(cancelled).toBe('the signal aborted: test over');
  });

  it('an async iterable that never ends is stopped too; a stream that ended first is not "cancelled"', async () => {
    async function* forever(): AsyncGenerator<string> {
      yield sseOf(textTurn.slice(0, 2), { done: false });
      await new Promise(() => {});
    }
    expect((await decodeStream(forever(), { timeout: 10 })).summary.terminal).toBe('cancelled');
    expect((await decodeStream(byteStream(turn), { timeout: 60_000 })).summary.terminal).toBe('finish');
  });

  it('refuses a timeout that is not a number of ms', async () => {
    await expect(decodeStream(stuck(), { timeout: Number.NaN })).rejects.toThrow(/timeout must be/);
  });
});

describe('stall: the gap\'s real length', () => {
  it('live: "still waiting, N s", growing with each tick; once a chunk comes, the whole gap at that event', () => {
    const changes: string[] = [];
    const decoder = createDecoder({ stallMs: 1000, onFindingChange: (before, after) => changes.push(`${before.message.slice(-18)} → ${after.message.slice(-18)}`) });
    decoder.push(encodeChunk({ type: 'start' }), 0);
    decoder.tick(1500);
    expect(findingsOf(decoder.report(), 'stall')[0].message).toContain('still waiting, 2 s');
    decoder.tick(9000);
    expect(findingsOf(decoder.report(), 'stall')).toEqual([expect.objectContaining({ event: null, message: expect.stringContaining('still waiting, 9 s') })]);
    decoder.push(encodeChunk({ type: 'start-step' }), 12_000);
    const [stall] = findingsOf(decoder.end(12_000), 'stall');
    expect(stall).toMatchObject({ event: 1 });
    expect(stall.message).toMatch(/^12\.0 s without a chunk before this event/);
    expect(changes).toEqual(['still waiting, 2 s → still waiting, 9 s', `still waiting, 9 s → ${stall.message.slice(-18)}`]);
  });

  it('a stream cut or cancelled during a stall: the gap until then', async () => {
    const decoder = createDecoder({ stallMs: 1000 });
    decoder.push(sseOf(textTurn.slice(0, 3), { done: false }), 0);
    decoder.tick(3000);
    const [stall] = findingsOf(decoder.end(7500, { cancelled: { reason: 'the page stopped it' } }), 'stall');
    expect(stall.message).toMatch(/^7\.5 s without a chunk until the reader stopped \(the page stopped it\)/);
    const cut = createDecoder({ stallMs: 1000 });
    cut.push(sseOf(textTurn.slice(0, 3), { done: false }), 0);
    expect(findingsOf(cut.end(6000), 'stall')[0].message).toMatch(/^6\.0 s without a chunk before the stream ended/);
  });
});

describe('header-problem judges only the headers the reader could see', () => {
  // what a cross-origin page's fetch shows of an AI SDK server's answer that exposes no header
  const corsVisible = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };
  const problems = async (response: ResponseInfo) => (await decode(turn, { response })).findings.filter((finding) => finding.code === 'header-problem');

  it('a cross-origin response: a header CORS may hide is not judged missing', async () => {
    expect(await problems({ status: 200, headers: corsVisible, headersVisible: 'cors' })).toEqual([]);
    // the same headers with every header visible: really missing
    expect((await problems({ status: 200, headers: corsVisible })).map((finding) => finding.severity)).toEqual(['info']);
    expect((await problems({ status: 200, headers: corsVisible, headersVisible: 'all' })).map((finding) => finding.message)).toEqual([expect.stringContaining('x-accel-buffering')]);
  });

  it('a cross-origin response: what it does show is judged as always (safelisted, exposed, the status)', async () => {
    const shown = await problems({ status: 500, headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'x-accel-buffering': 'yes' }, headersVisible: 'cors' });
    expect(shown.map((finding) => [finding.severity, finding.message.slice(0, 20)])).toEqual([
      ['error', 'status 500 with a st'],
      ['warning', '"content-type: text/'],
      ['warning', '"content-encoding: g'],
      ['info', 'no "x-accel-bufferin'],
    ]);
  });
});
