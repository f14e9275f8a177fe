import { describe, expect, it } from 'vitest';
import { encodeChunk, encodeDone } from '../../../protocol/index.js';
import { createDecodeHost, type HostOptions } from './decode-host.js';
import { defaultDecodeSettings, type DecodeProgress, type WorkerToPanelMessage } from './decode-messages.js';

/** A host whose scheduled slices run only when the test says, with a clock the test moves. */
function hostWith(options: Partial<HostOptions> = {}) {
  const posted: WorkerToPanelMessage[] = [];
  const tasks: (() => void)[] = [];
  let clock = 0;
  const receive = createDecodeHost({
    post: (message) => posted.push(message),
    schedule: (task) => tasks.push(task),
    // every read of the clock costs 1 ms: a slice of 3 ms decodes about 2 pieces
    now: () => clock++,
    ...options,
  });
  const runAll = () => {
    while (tasks.length > 0) tasks.shift()!();
  };
  const progress = () => posted.filter((message): message is DecodeProgress => message.kind === 'progress');
  return { receive, posted, tasks, runAll, progress };
}

const deltas = (count: number) =>
  encodeChunk({ type: 'start' }) +
  encodeChunk({ type: 'text-start', id: 't' }) +
  Array.from({ length: count }, (_, index) => encodeChunk({ type: 'text-delta', id: 't', delta: `w${index} ` })).join('') +
  encodeChunk({ type: 'text-end', id: 't' }) +
  encodeChunk({ type: 'finish' }) +
  encodeDone();

describe('decode host', () => {
  it('decodes a large push in slices, posting progress between them and the summary once idle', () => {
    const { receive, tasks, runAll, progress } = hostWith({ sliceMs: 3, pieceBytes: 100 });
    receive({ kind: 'start', id: 's', requestBody: null, response: undefined });
    receive({ kind: 'push', id: 's', chunks: [{ bytes: new TextEncoder().encode(deltas(100)), at: 5 }] });
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    // one slice did not finish the work: it posted what it had and asked for another turn
    expect(progress().at(-1)).toMatchObject({ idle: false, summary: null });
    expect(tasks).toHaveLength(1);
    receive({ kind: 'end', id: 's', at: 50, cancelled: null });
    runAll();
    const all = progress();
    expect(all.length).toBeGreaterThan(10);
    expect(all.flatMap((item) => item.records)).toHaveLength(105);
    expect(all.at(-1)).toMatchObject({ idle: true, summary: { events: 105, finished: true, durationMs: 50 } });
    expect(all.flatMap((item) => item.findings)).toEqual([]);
  });

  it('decodes base64 chunks as captured, a character split between two of them included, and keeps their bytes', () => {
    const { receive, posted, runAll, progress } = hostWith();
    const body = new TextEncoder().encode(encodeChunk({ type: 'start' }) + encodeChunk({ type: 'text-start', id: 't' }) + encodeChunk({ type: 'text-delta', id: 't', delta: 'é✓' }));
    const cut = body.indexOf(0xe2) + 1;
    const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
    receive({ kind: 'start', id: 's', requestBody: null, response: undefined });
    receive({ kind: 'push-encoded', id: 's', chunks: [{ at: 1, base64: base64(body.subarray(0, cut)) }, { at: 2, base64: base64(body.subarray(cut)) }] });
    runAll();
    const records = progress().flatMap((item) => item.records);
    expect(records.map((record) => record.chunk)).toEqual([{ type: 'start' }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'é✓' }]);
    receive({ kind: 'bytes', id: 's', request: 3 });
    const answer = posted.at(-1);
    expect(answer?.kind === 'bytes' && answer.chunks?.map((chunk) => [chunk.at, base64(chunk.bytes)])).toEqual([
      [1, base64(body.subarray(0, cut))],
      [2, base64(body.subarray(cut))],
    ]);
  });

  it('keeps at most the cap of events per stream and says how many it dropped; findings still cover them', () => {
    const { receive, runAll, progress } = hostWith({ limits: { eventsPerStream: 10, bytesPerTab: 1e9 } });
    receive({ kind: 'start', id: 's', requestBody: null, response: undefined });
    receive({ kind: 'push', id: 's', chunks: [{ bytes: deltas(20) + 'data: {"type":"nope"}\n\n', at: 1 }] });
    receive({ kind: 'end', id: 's', at: 2, cancelled: null });
    runAll();
    expect(progress().flatMap((item) => item.records)).toHaveLength(10);
    expect(progress().at(-1)?.droppedEvents).toBe(16);
    expect(progress().flatMap((item) => item.findings).map((finding) => finding.code)).toContain('unknown-type');
  });

  it('stops keeping bytes past the per-tab cap, and says so for that stream only', () => {
    const { receive, runAll, progress, posted } = hostWith({ limits: { eventsPerStream: 100, bytesPerTab: 64 } });
    receive({ kind: 'start', id: 'a', requestBody: null, response: undefined });
    receive({ kind: 'start', id: 'b', requestBody: null, response: undefined });
    receive({ kind: 'push', id: 'a', chunks: [{ bytes: new Uint8Array(60), at: 1 }] });
    receive({ kind: 'push', id: 'b', chunks: [{ bytes: new Uint8Array(10), at: 1 }] });
    runAll();
    const last = (id: string) => progress().filter((item) => item.id === id).at(-1);
    expect(last('a')?.bytesNotKept).toBe(false);
    expect(last('b')?.bytesNotKept).toBe(true);
    receive({ kind: 'bytes', id: 'a', request: 7 });
    expect(posted.at(-1)).toMatchObject({ kind: 'bytes', request: 7, chunks: [{ at: 1 }] });
  });

  it('new settings decode every stream again under a new generation, ended ones included', () => {
    const { receive, runAll, progress } = hostWith();
    receive({ kind: 'start', id: 's', requestBody: null, response: undefined });
    receive({ kind: 'push', id: 's', chunks: [{ bytes: 'data: {"type":"start"}\n\ndata: {"type":"finish","finishReason":"unknown"}\n\n', at: 1 }] });
    receive({ kind: 'end', id: 's', at: 3, cancelled: null });
    runAll();
    expect(progress().flatMap((item) => item.findings).map((finding) => finding.code)).toContain('schema-violation');
    const before = progress().length;
    receive({ kind: 'settings', settings: { ...defaultDecodeSettings, client: '5' } });
    runAll();
    const after = progress().slice(before);
    expect(after.every((item) => item.generation === 1)).toBe(true);
    expect(after.flatMap((item) => item.records)).toHaveLength(2);
    expect(after.flatMap((item) => item.findings).map((finding) => finding.code)).not.toContain('schema-violation');
    expect(after.at(-1)).toMatchObject({ idle: true, summary: { durationMs: 3 } });
  });

  it('answers a report request with the message so far, and null for a stream it does not know', () => {
    const { receive, runAll, posted } = hostWith();
    receive({ kind: 'start', id: 's', requestBody: null, response: undefined });
    receive({ kind: 'push', id: 's', chunks: [{ bytes: deltas(2), at: 1 }] });
    runAll();
    receive({ kind: 'report', id: 's', request: 1 });
    receive({ kind: 'report', id: 'gone', request: 2 });
    const reports = posted.filter((message) => message.kind === 'report');
    expect(reports[0]).toMatchObject({ request: 1, report: { message: { parts: [{ type: 'text', text: 'w0 w1 ' }] } } });
    expect(reports[1]).toEqual({ kind: 'report', request: 2, report: null });
  });

  it("a live stall's finding grows with each tick, then says its real length once a chunk ends it", () => {
    const { receive, runAll, progress } = hostWith();
    receive({ kind: 'settings', settings: { ...defaultDecodeSettings, stallMs: 1000 } });
    receive({ kind: 'start', id: 's', requestBody: null, response: undefined });
    receive({ kind: 'push', id: 's', chunks: [{ bytes: encodeChunk({ type: 'start' }), at: 0 }] });
    runAll();
    // what the panel holds: sent findings, with changes applied where they point
    const held = () => {
      const findings: string[] = [];
      for (const item of progress()) {
        for (const finding of item.findings) findings.push(finding.message);
        for (const { position, finding } of item.changedFindings) findings[position] = finding.message;
      }
      return findings;
    };
    receive({ kind: 'tick', id: 's', at: 2000 });
    expect(held()).toEqual([expect.stringContaining('still waiting, 2 s')]);
    receive({ kind: 'tick', id: 's', at: 7000 });
    expect(held()).toEqual([expect.stringContaining('still waiting, 7 s')]);
    receive({ kind: 'push', id: 's', chunks: [{ bytes: encodeChunk({ type: 'text-start', id: 't' }), at: 9500 }] });
    runAll();
    expect(held()).toHaveLength(1);
    expect(held()[0]).toMatch(/^9\.5 s without a chunk/);
    expect(held()[0]).not.toContain('still waiting');
  });

  it('a stream the page stopped is cancelled, not cut: no missing-finish error; the response headers are checked', () => {
    const { receive, runAll, progress } = hostWith();
    receive({ kind: 'start', id: 's', requestBody: null, response: { status: 200, headers: { 'content-type': 'text/event-stream' } } });
    receive({ kind: 'push', id: 's', chunks: [{ bytes: encodeChunk({ type: 'start' }), at: 1 }] });
    receive({ kind: 'end', id: 's', at: 2, cancelled: 'AbortError: the user stopped' });
    runAll();
    const findings = progress().flatMap((item) => item.findings);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings.map((finding) => finding.code)).toContain('header-problem');
    expect(progress().at(-1)?.summary?.terminal).toBe('cancelled');
  });
});

describe('decode host on hostile streams', () => {
  it('a 10 MB delta and JSON nested 10,000 deep decode in slices, the host answering between them', () => {
    const { receive, tasks, progress, posted } = hostWith({ sliceMs: 3, pieceBytes: 256 * 1024 });
    const big = 'x'.repeat(10 * 1024 * 1024);
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const body =
      encodeChunk({ type: 'start' }) +
      encodeChunk({ type: 'text-start', id: 't' }) +
      encodeChunk({ type: 'text-delta', id: 't', delta: big }) +
      `data: {"type":"data-deep","data":${deep}}\n\n` +
      encodeChunk({ type: 'text-end', id: 't' }) +
      encodeChunk({ type: 'finish' });
    receive({ kind: 'start', id: 's', requestBody: null, response: undefined });
    receive({ kind: 'push', id: 's', chunks: [{ bytes: new TextEncoder().encode(body), at: 1 }] });
    receive({ kind: 'end', id: 's', at: 2, cancelled: null });
    let turns = 0;
    while (tasks.length > 0) {
      tasks.shift()!();
      turns++;
      // between slices the host still answers
      receive({ kind: 'report', id: 's', request: turns });
    }
    expect(turns).toBeGreaterThan(10);
    expect(posted.filter((message) => message.kind === 'report')).toHaveLength(turns);
    const records = progress().flatMap((item) => item.records);
    expect(records.map((record) => record.type)).toEqual(['start', 'text-start', 'text-delta', 'data-deep', 'text-end', 'finish']);
    // each record's payload column is cut here, once: the panel never stringifies the 10 MB delta
    const previews = progress().flatMap((item) => item.previews);
    expect(previews).toHaveLength(records.length);
    expect(previews[2]).toMatch(/^\{"id":"t","delta":"x+…$/);
    expect(previews[2].length).toBeLessThanOrEqual(240);
    expect(previews[3]).toMatch(/^\{"data":\{"a":\{"a":/);
    expect(progress().at(-1)).toMatchObject({ idle: true, summary: { finished: true } });
  });

  it('reads a file to import and hands each piece back in its own buffer, transferable on its own', () => {
    const transfers: Transferable[][] = [];
    const { receive, posted } = hostWith({ post: (message, transfer = []) => void (posted.push(message), transfers.push(transfer)) });
    const body = new TextEncoder().encode(deltas(2));
    const har = { log: { entries: [{ request: { method: 'POST', url: 'http://app/api/chat' }, response: { status: 200, headers: [], content: { mimeType: 'text/event-stream', text: new TextDecoder().decode(body) } }, _chunks: [[1, 10], [2, body.length - 10]] }] } };
    receive({ kind: 'read-file', request: 7, name: 'a.har', bytes: new TextEncoder().encode(JSON.stringify(har)), now: 0 });
    const [answer] = posted;
    expect(answer).toMatchObject({ kind: 'file-read', request: 7, result: { ok: true } });
    const chunks = answer.kind === 'file-read' && answer.result.ok ? answer.result.streams[0].chunks! : [];
    expect(chunks.map((chunk) => chunk.at)).toEqual([1, 2]);
    expect(new Set(chunks.map((chunk) => chunk.bytes.buffer)).size).toBe(2);
    expect(transfers[0]).toHaveLength(2);
    receive({ kind: 'read-file', request: 8, name: 'b.json', bytes: new TextEncoder().encode('{'), now: 0 });
    expect(posted[1]).toMatchObject({ kind: 'file-read', request: 8, result: { ok: false, problem: expect.stringMatching(/^b\.json: line 1, column 2: not valid JSON/) } });
  });
});
