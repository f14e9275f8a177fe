import { describe, expect, it } from 'vitest';
import { decodeStream, encodeChunk, encodeDone, harEntry, harOf, limits } from '../../../protocol/index.js';
import { importSizeProblem, readImport, type ImportResult } from './imports.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => bytes(JSON.stringify(value));
const now = 1_700_000_000_000;
const clean = encodeChunk({ type: 'start' }) + encodeChunk({ type: 'text-start', id: 't' }) + encodeChunk({ type: 'text-delta', id: 't', delta: 'Hi' }) + encodeChunk({ type: 'text-end', id: 't' }) + encodeChunk({ type: 'finish' }) + encodeDone();

function streamsOf(result: ImportResult) {
  if (!result.ok) throw new Error(`expected an import, got: ${result.problem}`);
  return result.streams;
}

const textOf = (chunks: { bytes: Uint8Array }[] | null) => new TextDecoder().decode(Buffer.concat((chunks ?? []).map((chunk) => chunk.bytes)));

describe('import', () => {
  it('.sse: the bytes as they are, untimed, with no response to judge', () => {
    const raw = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(clean), 0xff]);
    const [stream] = streamsOf(readImport('turn.sse', raw, now));
    expect(stream.chunks).toEqual([{ bytes: raw, at: null }]);
    expect(stream).toMatchObject({ source: 'turn.sse', headersKnown: false, endedAt: null });
    expect(stream.meta).toMatchObject({ url: 'turn.sse', status: 0, startedAt: now, note: 'Imported from turn.sse: kept only while this panel is open.' });
    // a file that is not JSON is read as SSE whatever its name
    expect(streamsOf(readImport('capture.txt', bytes(clean), now))[0].chunks).toHaveLength(1);
  });

  it('HAR: each event-stream entry, with its request, status, headers and timing', () => {
    const entry = (url: string, chunks: { bytes: Uint8Array; at: number | null }[]) =>
      harEntry({ method: 'POST', url, requestHeaders: { authorization: '[redacted]' }, requestBody: '{"messages":[]}', status: 200, statusText: 'OK', responseHeaders: { 'content-type': 'text/event-stream' }, startedAt: now - 5000, chunks, endedAt: 30 });
    const har = harOf([entry('http://app/api/chat', [{ bytes: bytes(clean.slice(0, 40)), at: 3 }, { bytes: bytes(clean.slice(40)), at: 20 }]), entry('http://app/other', [])], { name: 'x', version: '0' });
    har.log.entries.splice(1, 0, { ...har.log.entries[1], response: { ...har.log.entries[1].response, headers: [{ name: 'content-type', value: 'application/json' }], content: { size: 2, mimeType: 'application/json', text: '{}' } } });
    const streams = streamsOf(readImport('session.har', json(har), now));
    expect(streams.map((stream) => stream.source)).toEqual(['session.har#0', 'session.har#2']);
    expect(streams[0].meta).toMatchObject({ url: 'http://app/api/chat', method: 'POST', status: 200, statusText: 'OK', startedAt: now - 5000, requestBody: '{"messages":[]}', requestHeaders: { authorization: '[redacted]' } });
    expect(streams[0].chunks?.map((chunk) => chunk.at)).toEqual([3, 20]);
    expect(textOf(streams[0].chunks)).toBe(clean);
    expect(streams[0]).toMatchObject({ headersKnown: true, endedAt: 20 });
  });

  it('a decode report: its events rebuilt into the same events, with their times', async () => {
    const report = await decodeStream(bytes(clean + ': heartbeat\n\n'));
    const timed = { ...report, events: report.events.map((event, index) => ({ ...event, at: index * 10 })) };
    const [stream] = streamsOf(readImport('turn.report.json', json(timed), now));
    expect(stream.chunks?.map((chunk) => chunk.at)).toEqual(timed.events.map((event) => event.at));
    const again = await decodeStream(bytes(textOf(stream.chunks)));
    expect(again.events.map((event) => [event.kind, event.type, event.raw])).toEqual(report.events.map((event) => [event.kind, event.type, event.raw]));
    expect(again.findings).toEqual(report.findings);
    expect(stream.headersKnown).toBe(false);
  });

  it('a scenario: its script played as the mock server sends it, with its status, headers and timing', () => {
    const scenario = {
      name: 'slow-hello',
      expect: [],
      status: 201,
      headers: { 'x-extra': '1' },
      steps: [
        { step: 'chunk', chunk: { type: 'start' } },
        { step: 'delay', ms: 100 },
        { step: 'hold', name: 'before-text' },
        { step: 'text', text: 'Hello there', rate: 10, unit: 'tokens' },
        { step: 'chunk', chunk: { type: 'finish' } },
        { step: 'done' },
      ],
    };
    const [stream] = streamsOf(readImport('slow-hello.json', json(scenario), now));
    expect(stream.meta).toMatchObject({ status: 201, responseHeaders: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1', 'x-extra': '1' } });
    expect(stream.meta.note).toContain('scenario "slow-hello"');
    expect(stream.chunks?.map((chunk) => chunk.at)).toEqual([0, 100, 200, 300, 300, 300, 300]);
    expect(textOf(stream.chunks)).toContain('"delta":"Hello "');
    expect(stream).toMatchObject({ headersKnown: true, endedAt: 300 });
    expect(stream.error).toBeUndefined();
  });

  it('a scenario that stalls forever is taken up to the stall; one that disconnects ends as an error', () => {
    const stuck = { name: 'stuck', expect: [], steps: [{ step: 'chunk', chunk: { type: 'start' } }, { step: 'stall', heartbeatMs: 10 }] };
    const [stalled] = streamsOf(readImport('stuck.json', json(stuck), now));
    expect(stalled.chunks).toHaveLength(1);
    expect(stalled.meta.note).toContain('up to its never-ending stall at $.steps[1]');
    const cut = { name: 'cut', expect: [], steps: [{ step: 'chunk', chunk: { type: 'start' } }, { step: 'disconnect' }, { step: 'done' }] };
    const [disconnected] = streamsOf(readImport('cut.json', json(cut), now));
    expect(disconnected.chunks).toHaveLength(1);
    expect(disconnected.error).toBe('the scenario disconnects here');
  });

  it('bad files: what is wrong, naming the file and where in it', () => {
    const problem = (name: string, content: Uint8Array) => {
      const result = readImport(name, content, now);
      return result.ok ? 'imported' : result.problem;
    };
    expect(problem('x.json', bytes('{\n  "steps": [\n    {"step": }\n  ]\n}'))).toMatch(/^x\.json: line 3, column 14: not valid JSON \(/);
    expect(problem('x.json', bytes('{"a": 1'))).toMatch(/^x\.json: line 1, column 8: not valid JSON \(/);
    expect(problem('x.json', json({ hello: 1 }))).toBe('x.json: JSON, but neither a HAR ("log"), a decode report ("events" and "summary") nor a scenario ("steps")');
    expect(problem('x.har', json({ log: { entries: [{ request: { method: 'GET', url: 'u' } }] } }))).toMatch(/^x\.har: not a HAR \(log\.entries\.0\.response: /);
    expect(problem('x.har', json({ log: { entries: [] } }))).toBe('x.har: no event-stream response among its 0 entries');
    expect(problem('r.json', json({ events: [{ index: 0 }], summary: {} }))).toMatch(/^r\.json: \$\.events\[0\]\.kind: not a decode report \(/);
    expect(problem('s.json', json({ name: 's', expect: [], steps: [{ step: 'chunk', chunk: { type: 'nope' } }] }))).toBe(
      's.json: $.steps[0].chunk.type: unknown chunk type "nope" (to send it on purpose, use a "raw" step)',
    );
    expect(problem('s.json', json({ name: 's', expect: [], steps: [{ step: 'text', text: 'x'.repeat(1024), repeat: 30_000 }, { step: 'text', text: 'x'.repeat(1024), repeat: 30_000 }, { step: 'text', text: 'x'.repeat(1024), repeat: 30_000 }] }))).toBe(
      `s.json: its steps send more than ${limits.importScenarioBytes / 1024 / 1024} MB, more than the panel imports`,
    );
    expect(importSizeProblem('huge.har', limits.importFileBytes + 1)).toBe('huge.har: 128.0 MB, more than the 128 MB the panel imports');
    expect(importSizeProblem('fine.har', limits.importFileBytes)).toBeNull();
  });
});
