import { describe, expect, it } from 'vitest';
import { encodeChunk, encodeDone } from '../../../protocol/index.js';
import { streamMeta } from '../test-support/stream-meta.js';
import { createDecodeClient } from '../worker/decode-client.js';
import { defaultDecodeSettings } from '../worker/decode-messages.js';
import { inlineDecodePort } from '../worker/inline-port.js';
import { createStreamsStore } from './streams.js';
import { deniedApprovalTurn } from '../../../protocol/test-support/ai-sdk-streams.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const fullText =
  encodeChunk({ type: 'start' }) +
  encodeChunk({ type: 'text-start', id: 't' }) +
  encodeChunk({ type: 'text-delta', id: 't', delta: 'Hi' }) +
  encodeChunk({ type: 'text-end', id: 't' }) +
  encodeChunk({ type: 'finish' }) +
  encodeDone();

describe('streams store', () => {
  it('decodes pushed bytes into records, the message and findings as they arrive', async () => {
    const streams = createStreamsStore();
    const entry = streams.start('s1', streamMeta());
    streams.push('s1', bytes(encodeChunk({ type: 'start' }) + encodeChunk({ type: 'text-start', id: 't' })), 10);
    streams.push('s1', bytes(encodeChunk({ type: 'text-delta', id: 't', delta: 'Hello' })), 25);
    expect(entry.records.map((record) => record.type)).toEqual(['start', 'text-start', 'text-delta']);
    expect(entry.records[2].at).toBe(25);
    expect((await entry.report())?.message.parts).toMatchObject([{ type: 'text', text: 'Hello', state: 'streaming' }]);
    expect(entry.status.value).toBe('live');

    streams.end('s1', 40, 'complete');
    expect(entry.status.value).toBe('complete');
    expect(entry.findings.map((finding) => finding.code)).toContain('missing-finish');
  });

  it('continues the assistant message that ends the chat the request posted, as useChat does', async () => {
    const turn = await deniedApprovalTurn();
    const streams = createStreamsStore();
    const continued = streams.start('s1', streamMeta({ method: 'POST', requestBody: turn.requestBody }));
    const alone = streams.start('s2', streamMeta({ method: 'POST', requestBody: '{"messages":[]}' }));
    for (const id of ['s1', 's2']) {
      streams.push(id, bytes(turn.response), 5);
      streams.end(id, 10, 'complete');
    }
    expect(continued.continues).toEqual(turn.message);
    expect(continued.findings).toEqual([]);
    expect((await continued.report())?.message.parts.map((part) => part.state)).toEqual([undefined, 'output-denied', undefined, 'done']);
    expect(alone.continues).toBeUndefined();
    expect(alone.findings.map((finding) => finding.code)).toContain('orphan-tool-output');
  });

  it('bumps the revision once per push, not once per record', () => {
    const streams = createStreamsStore();
    const entry = streams.start('s1', streamMeta());
    const before = entry.revision.value;
    streams.push('s1', bytes(fullText), 5);
    expect(entry.revision.value).toBe(before + 1);
    expect(entry.records).toHaveLength(6);
  });

  it('ignores data after the end and for unknown streams', () => {
    const streams = createStreamsStore();
    const entry = streams.start('s1', streamMeta());
    streams.end('s1', 1, 'cancelled', 'aborted by the page');
    streams.push('s1', bytes(fullText), 2);
    streams.push('nope', bytes(fullText), 2);
    expect(entry.records).toHaveLength(0);
    expect(entry.status.value).toBe('cancelled');
    expect(entry.error).toBe('aborted by the page');
  });

  it('shows a network-log stream whole, without timing, unless the hook captured the same request', () => {
    const streams = createStreamsStore();
    const logged = streams.addFromNetworkLog(streamMeta({ startedAt: 5_000_000 }), fullText);
    expect(logged?.meta.transport).toBe('network-log');
    expect(logged?.status.value).toBe('complete');
    expect(logged?.records.every((record) => record.at === null)).toBe(true);
    expect(logged?.findings).toEqual([]);

    streams.start('s1', streamMeta());
    expect(streams.addFromNetworkLog(streamMeta({ startedAt: 1_000_400 }), fullText)).toBeUndefined();
    expect(streams.list.value).toHaveLength(2);
  });

  it('lists a network-log stream without a body but does not judge it', () => {
    const streams = createStreamsStore();
    const entry = streams.addFromNetworkLog(streamMeta(), null);
    expect(entry?.status.value).toBe('complete');
    expect(entry?.decoded).toBe(false);
    expect(entry?.findings).toEqual([]);
    expect(entry?.records).toEqual([]);
  });

  it('drops a network-log stream when the hook reports the same request later, and log duplicates', () => {
    const streams = createStreamsStore();
    streams.addFromNetworkLog(streamMeta(), fullText);
    expect(streams.addFromNetworkLog(streamMeta(), fullText)).toBeUndefined();
    streams.start('s1', streamMeta({ startedAt: 1_000_200 }));
    expect(streams.list.value.map((entry) => entry.id)).toEqual(['s1']);
  });

  it('past the cap drops the oldest ended stream, never a live one', () => {
    const streams = createStreamsStore({ maxStreams: 2 });
    streams.start('live', streamMeta());
    streams.start('ended', streamMeta());
    streams.end('ended', 1, 'complete');
    streams.start('new', streamMeta());
    expect(streams.list.value.map((entry) => entry.id)).toEqual(['live', 'new']);
    expect(streams.get('ended')).toBeUndefined();
  });

  it('removes by id, resets captured streams but keeps the network log, and ticks live streams into a stall', () => {
    const decoding = createDecodeClient(inlineDecodePort());
    decoding.configure({ ...defaultDecodeSettings, stallMs: 1000 });
    const streams = createStreamsStore({ decoding });
    const live = streams.start('a', streamMeta());
    streams.start('b', streamMeta());
    streams.addFromNetworkLog(streamMeta({ url: 'http://127.0.0.1/other' }), fullText);
    streams.push('a', bytes(encodeChunk({ type: 'start' })), 10);
    streams.tickLive(streamMeta().startedAt + 3000);
    expect(live.findings.map((finding) => finding.code)).toContain('stall');

    streams.remove(['b']);
    expect(streams.list.value.map((entry) => entry.id)).toEqual(['a', 'network-log:1']);
    streams.resetCaptured();
    expect(streams.list.value.map((entry) => entry.meta.transport)).toEqual(['network-log']);
    streams.removeFromNetworkLog();
    expect(streams.list.value).toEqual([]);
  });

  it('lists imported streams, judged like captured ones, and keeps them when a fresh snapshot replaces the captured', async () => {
    const streams = createStreamsStore();
    streams.start('s1', streamMeta());
    const [whole, cut, bodiless] = streams.addImported([
      { source: 'a.sse', meta: streamMeta({ status: 0, responseHeaders: {} }), headersKnown: false, chunks: [{ bytes: bytes(fullText), at: null }], endedAt: null },
      { source: 'b.json', meta: streamMeta(), headersKnown: true, chunks: [{ bytes: bytes(encodeChunk({ type: 'start' })), at: 5 }], endedAt: 7, error: 'the scenario disconnects here' },
      { source: 'c.har#0', meta: streamMeta(), headersKnown: true, chunks: null, endedAt: null },
    ]);
    expect(whole.imported).toBe('a.sse');
    expect(whole.status.value).toBe('complete');
    // no response known: no header-problem for the missing headers of a bare .sse
    expect(whole.findings).toEqual([]);
    expect((await whole.report())?.message.parts).toMatchObject([{ type: 'text', text: 'Hi' }]);
    expect(cut.status.value).toBe('error');
    expect(cut.error).toBe('the scenario disconnects here');
    expect(cut.findings.map((finding) => finding.code)).toContain('missing-finish');
    expect(bodiless.decoded).toBe(false);
    streams.resetCaptured();
    expect(streams.list.value.map((entry) => entry.imported)).toEqual(['a.sse', 'b.json', 'c.har#0']);
    streams.clear();
    expect(streams.list.value).toEqual([]);
  });
});
