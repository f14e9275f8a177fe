import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createParser } from 'eventsource-parser';
import { createSseByteParser, createSseParser, sseEventData, type SseEvent, type SseProblem } from './sse-parser.js';
import { parseWithSdk } from './test-support/client.js';

type Seen = { events: SseEvent[]; comments: string[]; retries: number[]; problems: SseProblem[] };

function parseText(pieces: string[]): Seen {
  const seen: Seen = { events: [], comments: [], retries: [], problems: [] };
  const parser = createSseParser({
    onEvent: (event) => seen.events.push(event),
    onComment: (line) => seen.comments.push(line),
    onRetry: (ms) => seen.retries.push(ms),
    onProblem: (problem) => seen.problems.push(problem),
  });
  for (const piece of pieces) parser.feed(piece);
  parser.end();
  return seen;
}

function parseBytes(bytes: Uint8Array, cuts: number[]): Seen {
  const seen: Seen = { events: [], comments: [], retries: [], problems: [] };
  const parser = createSseByteParser({
    onEvent: (event) => seen.events.push(event),
    onComment: (line) => seen.comments.push(line),
    onRetry: (ms) => seen.retries.push(ms),
    onProblem: (problem) => seen.problems.push(problem),
  });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.feed(bytes.subarray(from, cut));
    from = cut;
  }
  parser.feed(bytes.subarray(from));
  parser.end();
  return seen;
}

describe('SSE parser (WHATWG event-stream rules)', () => {
  it('reads data, event and id fields, and joins multi-line data with \\n', () => {
    const { events } = parseText(['event: note\nid: 7\ndata: one\ndata: two\n\n']);
    expect(events).toEqual([{ event: 'note', id: '7', data: 'one\ntwo', raw: 'event: note\nid: 7\ndata: one\ndata: two' }]);
  });

  it('accepts LF, CR and CRLF line ends alike', () => {
    const lf = parseText(['data: a\n\ndata: b\n\n']).events.map((e) => e.data);
    const cr = parseText(['data: a\r\rdata: b\r\r']).events.map((e) => e.data);
    const crlf = parseText(['data: a\r\n\r\ndata: b\r\n\r\n']).events.map((e) => e.data);
    expect(cr).toEqual(lf);
    expect(crlf).toEqual(lf);
    expect(lf).toEqual(['a', 'b']);
  });

  it('does not take a CRLF split across chunks for two line ends', () => {
    const { events, problems } = parseText(['data: a\r', '\n\r', '\ndata: b\r\n\r\n']);
    expect(events.map((e) => e.data)).toEqual(['a', 'b']);
    expect(problems).toEqual([]);
  });

  it('strips one space after the colon and one leading BOM only', () => {
    expect(parseText(['\uFEFFdata:  two spaces\n\n']).events[0].data).toBe(' two spaces');
    expect(parseText(['\uFEFF', '\uFEFFdata: x\n\n']).problems).toEqual([
      { kind: 'unknown-field', field: '\uFEFFdata', line: '\uFEFFdata: x' },
      { kind: 'no-data', raw: '\uFEFFdata: x' },
    ]);
  });

  it('strips one BOM from bytes, as the real client does: a second one spoils the first line', async () => {
    const bom = [0xef, 0xbb, 0xbf];
    const body = new TextEncoder().encode('data: {"type":"start"}\n\ndata: {"type":"finish"}\n\n');
    for (const boms of [0, 1, 2]) {
      const bytes = new Uint8Array([...Array.from({ length: boms }, () => bom).flat(), ...body]);
      const client = (await parseWithSdk(bytes)).map((result) => (result.success ? result.value : 'error'));
      // Splits inside a BOM, between two BOMs and after them change nothing.
      for (const cuts of [[], [1], [2, 4], [3], [6, 7]]) expect(parseBytes(bytes, cuts).events.map((event) => JSON.parse(event.data))).toEqual(client);
    }
    expect((await parseWithSdk(new Uint8Array([...bom, ...bom, ...body]))).length).toBe(1);
  });

  it('treats a field without a colon as the field name with an empty value', () => {
    expect(parseText(['data\ndata\n\n']).events[0].data).toBe('\n');
  });

  it('reports comments, retry and problems instead of throwing', () => {
    const seen = parseText([': heartbeat\nretry: 300\nretry: soon\nfoo: bar\ndata: x\n\nid: 1\n\n']);
    expect(seen.comments).toEqual([': heartbeat']);
    expect(seen.retries).toEqual([300]);
    expect(seen.problems).toEqual([
      { kind: 'invalid-retry', value: 'soon', line: 'retry: soon' },
      { kind: 'unknown-field', field: 'foo', line: 'foo: bar' },
      { kind: 'no-data', raw: 'id: 1' },
    ]);
    expect(seen.events.map((e) => e.data)).toEqual(['x']);
  });

  it('reports an unterminated last event rather than dispatching or dropping it silently', () => {
    const seen = parseText(['data: {"type":"start"}\n\ndata: {"type":"finish"}']);
    expect(seen.events.map((e) => e.data)).toEqual(['{"type":"start"}']);
    expect(seen.problems).toEqual([{ kind: 'unterminated-event', raw: 'data: {"type":"finish"}' }]);
  });

  it('skips an event over the size limit and reports it, then carries on', () => {
    const seen: SseEvent[] = [];
    const problems: SseProblem[] = [];
    const parser = createSseParser({ onEvent: (e) => seen.push(e), onProblem: (p) => problems.push(p), maxEventSize: 100 });
    parser.feed(`data: ${'x'.repeat(60)}`);
    parser.feed(`${'y'.repeat(60)}\ndata: more\n\ndata: ok\n\n`);
    parser.end();
    expect(problems.map((p) => p.kind)).toEqual(['event-too-large']);
    expect(seen.map((e) => e.data)).toEqual(['ok']);
  });

  const lineEnd = fc.constantFrom('\n', '\r', '\r\n');
  const fieldLine = fc.oneof(
    fc.tuple(fc.constantFrom('data', 'event', 'id'), fc.string({ unit: 'grapheme' })).map(([name, value]) => `${name}: ${value.replace(/[\r\n]/g, '')}`),
    fc.string({ unit: 'grapheme' }).map((text) => `: ${text.replace(/[\r\n]/g, '')}`),
    fc.constantFrom('data', 'retry: 1000', 'data:'),
  );
  const stream = fc
    .array(fc.tuple(fc.array(fc.tuple(fieldLine, lineEnd), { minLength: 1, maxLength: 5 }), lineEnd), { maxLength: 12 })
    .map((events) => events.map(([lines, end]) => lines.map(([line, e]) => line + e).join('') + end).join(''));

  it('yields the same events for any split of the bytes, even inside a UTF-8 character or a CRLF', () => {
    fc.assert(
      fc.property(
        stream.map((text) => `data: ünïcødé 🚀\r\n${text}`),
        fc.array(fc.nat(), { maxLength: 20 }),
        (text, rawCuts) => {
          const bytes = new TextEncoder().encode(text);
          const whole = parseBytes(bytes, []);
          const cuts = rawCuts.map((cut) => cut % (bytes.length + 1));
          expect(parseBytes(bytes, cuts)).toEqual(whole);
          const everyByte = Array.from({ length: bytes.length }, (_, i) => i);
          expect(parseBytes(bytes, everyByte)).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('dispatches the same events as eventsource-parser (the parser the AI SDK client uses)', () => {
    fc.assert(
      // A trailing blank line settles a final lone CR, which eventsource-parser holds back.
      fc.property(stream.map((body) => `${body}\n\n`), (text) => {
        const theirs: Array<{ event: string | null; id: string | null; data: string }> = [];
        const parser = createParser({ onEvent: (event) => theirs.push({ event: event.event ?? null, id: event.id ?? null, data: event.data }) });
        parser.feed(text);
        const ours = parseText([text]).events.map(({ event, id, data }) => ({ event, id, data }));
        // eventsource-parser carries the last id over to later events (EventSource's lastEventId);
        // ours reports each event's own id line, so compare ids only where the event has one.
        expect(ours.map(({ event, data }) => ({ event, data }))).toEqual(theirs.map(({ event, data }) => ({ event, data })));
        ours.forEach((event, i) => {
          if (event.id !== null) expect(theirs[i].id).toBe(event.id);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('sseEventData', () => {
  it('reads an event\'s data as the parser does: one optional space, multi-line joined, other fields ignored', () => {
    expect(sseEventData('data: a\ndata:  b\nid: 1\nevent: x')).toBe('a\n b');
    expect(sseEventData('data\ndatax: no')).toBe('');
    expect(sseEventData('id: 1')).toBe('');
  });
});
