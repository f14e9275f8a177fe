import { describe, expect, it } from 'vitest';
import { streamMeta } from '../test-support/stream-meta.js';
import { matchesStreamFilter, streamRow } from './stream-row.js';

const meta = streamMeta({
  transport: 'network-log',
  url: 'http://127.0.0.1:8787/api/chat?scenario=stuck',
  method: 'post',
  status: 0,
  statusText: '',
  note: 'from the network log: no live timing',
});

describe('stream row', () => {
  it('summarises a stream for the list', () => {
    const row = streamRow(meta, 'error', [{ code: 'missing-finish', severity: 'error', event: null, message: '' }], 12);
    expect(row).toMatchObject({
      method: 'POST',
      path: '/api/chat?scenario=stuck',
      status: '—',
      state: 'failed',
      note: 'from the network log: no live timing',
      transportTag: 'network log',
      events: 12,
      counts: { error: 1, warning: 0, info: 0 },
    });
    expect(streamRow({ ...meta, transport: 'fetch', status: 200 }, 'live', [], 0)).toMatchObject({ status: '200', state: 'live', transportTag: null, clean: false });
  });

  it('calls a stream clean only when it ended, was decoded and has no findings', () => {
    expect(streamRow(meta, 'complete', [], 3).clean).toBe(true);
    expect(streamRow(meta, 'complete', [], 0, false).clean).toBe(false);
    expect(streamRow(meta, 'cancelled', [], 3).clean).toBe(false);
    expect(streamRow(meta, 'complete', [{ code: 'missing-done', severity: 'info', event: null, message: '' }], 3).clean).toBe(false);
  });

  it('filters on URL and method, ignoring case and blank queries', () => {
    expect(matchesStreamFilter(meta, '  ')).toBe(true);
    expect(matchesStreamFilter(meta, 'STUCK')).toBe(true);
    expect(matchesStreamFilter(meta, 'post')).toBe(true);
    expect(matchesStreamFilter(meta, 'resume')).toBe(false);
  });
});
