import { describe, expect, it } from 'vitest';
import { isEventStream, isNullBodyStatus } from './is-stream.js';
import { eventText } from './sse-text.js';

describe('isEventStream', () => {
  it('matches text/event-stream in any case, with parameters', () => {
    expect(isEventStream('text/event-stream', null)).toBe(true);
    expect(isEventStream('Text/Event-Stream; charset=utf-8', null)).toBe(true);
    expect(isEventStream(' TEXT/EVENT-STREAM ;x=1', null)).toBe(true);
  });
  it('matches the UI message stream header whatever the content type', () => {
    expect(isEventStream('application/octet-stream', 'v1')).toBe(true);
    expect(isEventStream(null, '')).toBe(true);
  });
  it('leaves other responses alone', () => {
    expect(isEventStream('text/plain', null)).toBe(false);
    expect(isEventStream('text/event-streams', null)).toBe(false);
    expect(isEventStream(null, null)).toBe(false);
  });
  it('knows which statuses have no body', () => {
    expect([101, 103, 204, 205, 304].every(isNullBodyStatus)).toBe(true);
    expect(isNullBodyStatus(200)).toBe(false);
  });
});

describe('eventText', () => {
  it('frames events as a server would', () => {
    expect(eventText('message', 'a\nb', '', '')).toBe('data: a\ndata: b\n\n');
    expect(eventText('custom', 'x', '7', '')).toBe('event: custom\nid: 7\ndata: x\n\n');
    expect(eventText('message', '', '7', '7')).toBe('data: \n\n');
  });
});
