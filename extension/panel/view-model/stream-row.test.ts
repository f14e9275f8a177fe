import { describe, expect, it } from 'vitest';
import type { Finding, Summary } from '../../../protocol/index.js';
import { streamMeta } from '../test-support/stream-meta.js';
import { matchesStreamFilter, streamRow, streamState, type StreamRowInput } from './stream-row.js';

const logged = streamMeta({
  transport: 'network-log',
  url: 'http://127.0.0.1:8787/api/chat?scenario=stuck',
  method: 'post',
  status: 0,
  statusText: '',
  note: 'from the network log: no live timing',
});
const missingFinish: Finding = { code: 'missing-finish', severity: 'error', event: null, message: '' };
const summary = (fields: Partial<Summary>): Summary => ({
  events: 3, chunks: 3, comments: 0, done: true, finished: true, byType: {}, durationMs: 812, firstChunkMs: 4, dialect: 'ai-sdk', usage: null, terminal: null, ...fields,
} as Summary);
const input = (fields: Partial<StreamRowInput>): StreamRowInput => ({ meta: streamMeta(), status: 'complete', findings: [], events: 3, ...fields });

describe('stream row', () => {
  it('summarises a stream for the list: start, duration, prompt, worst finding', () => {
    const row = streamRow(input({ meta: logged, status: 'error', findings: [{ ...missingFinish, severity: 'info' }, missingFinish], events: 12 }), 'weather in Berlin?');
    expect(row).toMatchObject({
      method: 'POST',
      path: '/api/chat?scenario=stuck',
      status: '—',
      state: 'errored',
      prompt: 'weather in Berlin?',
      note: 'from the network log: no live timing',
      transportTag: 'network log',
      events: 12,
      durationMs: null,
      counts: { error: 1, warning: 0, info: 1 },
      worst: missingFinish,
      muted: false,
    });
    expect(row.started).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(streamRow(input({ status: 'live', now: streamMeta().startedAt + 1500 })).durationMs).toBe(1500);
    expect(streamRow(input({ endedAt: 640, summary: summary({ durationMs: 630 }) })).durationMs).toBe(640);
  });

  it('tells the states apart: finished, aborted, errored, cancelled by the page, live and stuck, failed', () => {
    expect(streamState(input({ summary: summary({ terminal: 'finish' }) }))).toBe('finished');
    expect(streamState(input({ summary: summary({ terminal: 'abort' }) }))).toBe('aborted');
    expect(streamState(input({ summary: summary({ terminal: 'cut' }) }))).toBe('errored');
    expect(streamState(input({ summary: summary({ terminal: 'error' }) }))).toBe('errored');
    expect(streamState(input({ summary: summary({ terminal: 'cancelled' }) }))).toBe('cancelled');
    expect(streamState(input({ status: 'error' }))).toBe('errored');
    expect(streamState(input({ status: 'cancelled', summary: summary({ finished: false }) }))).toBe('cancelled');
    const start = streamMeta().startedAt;
    expect(streamState(input({ status: 'live', now: start + 5000, stallMs: 5000, lastDataAt: 1000 }))).toBe('live');
    expect(streamState(input({ status: 'live', now: start + 6000, stallMs: 5000, lastDataAt: 1000 }))).toBe('stuck');
    expect(streamState(input({ status: 'live' }))).toBe('live');
    const failed = input({ meta: streamMeta({ response: 'non-stream', status: 500 }) });
    expect(streamState(failed)).toBe('failed');
    expect(streamRow(failed)).toMatchObject({ muted: true, clean: false, status: '500' });
  });

  it('an ended stream stays live, never a premature finished, until the decoder has judged its end', () => {
    expect(streamState(input({ settled: false, summary: summary({ terminal: null }) }))).toBe('live');
    expect(streamState(input({ settled: false, summary: null }))).toBe('live');
    expect(streamState(input({ settled: true, summary: summary({ terminal: 'abort' }) }))).toBe('aborted');
    expect(streamState(input({ settled: true, summary: summary({ terminal: 'cut' }) }))).toBe('errored');
    expect(streamState(input({ settled: true, summary: summary({ terminal: null }) }))).toBe('finished');
    // a finish the decoder saw before the end stands; the page's own stop and an error need no judging
    expect(streamState(input({ settled: false, summary: summary({ terminal: 'finish' }) }))).toBe('finished');
    expect(streamState(input({ settled: false, status: 'cancelled' }))).toBe('cancelled');
    expect(streamState(input({ settled: false, status: 'error' }))).toBe('errored');
  });

  it('calls a stream clean only when it ended, was decoded and has no findings', () => {
    expect(streamRow(input({})).clean).toBe(true);
    expect(streamRow(input({ decoded: false })).clean).toBe(false);
    expect(streamRow(input({ settled: false }))).toMatchObject({ clean: false, settled: false });
    expect(streamRow(input({ status: 'cancelled' })).clean).toBe(false);
    expect(streamRow(input({ findings: [{ ...missingFinish, severity: 'info' }] })).clean).toBe(false);
  });

  it('filters on URL, method, status, prompt, state and finding codes, every word, ignoring case', () => {
    const row = streamRow(input({ meta: logged, status: 'cancelled' }), 'What is the Weather');
    const codes = ['missing-done'];
    expect(matchesStreamFilter(row, codes, '  ')).toBe(true);
    for (const query of ['STUCK', 'post', 'weather', 'cancelled', 'missing-done', '—', 'weather post']) expect(matchesStreamFilter(row, codes, query)).toBe(true);
    expect(matchesStreamFilter(row, codes, 'resume')).toBe(false);
    expect(matchesStreamFilter(row, codes, 'weather resume')).toBe(false);
    expect(matchesStreamFilter(row, codes, 'truncated')).toBe(false);
  });

  it('carries which budget truncated a stream, and the filter finds it as "truncated"', () => {
    const note = 'truncated: the stream reached its size budget';
    const row = streamRow(input({ status: 'live', truncation: note }));
    expect(row.truncation).toBe(note);
    expect(streamRow(input({})).truncation).toBeNull();
    expect(matchesStreamFilter(row, [], 'truncated')).toBe(true);
  });
});
