import { describe, expect, it } from 'vitest';
import type { StreamMeta } from '../../shared/messages.js';
import { isSameLogEntry, isSameRequest, sameRequestToleranceMs } from './same-request.js';

const base = { url: 'http://127.0.0.1/api/chat', method: 'POST', startedAt: 10_000 } as StreamMeta;

describe('isSameRequest', () => {
  it('matches URL, method (any case) and a start within the tolerance', () => {
    expect(isSameRequest(base, { ...base, method: 'post', startedAt: 10_000 + sameRequestToleranceMs })).toBe(true);
    expect(isSameRequest(base, { ...base, startedAt: 10_000 + sameRequestToleranceMs + 1 })).toBe(false);
    expect(isSameRequest(base, { ...base, url: 'http://127.0.0.1/api/other' })).toBe(false);
    expect(isSameRequest(base, { ...base, method: 'GET' })).toBe(false);
  });

  it('log entries are the same only with the same start', () => {
    expect(isSameLogEntry(base, { ...base })).toBe(true);
    expect(isSameLogEntry(base, { ...base, startedAt: 10_001 })).toBe(false);
  });
});
