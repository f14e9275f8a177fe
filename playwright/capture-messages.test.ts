import { describe, expect, it } from 'vitest';
import { PAGE_MESSAGE_SOURCE, pageMessageSchema } from '../extension/shared/messages.js';
import { captureMessageSchema, pageMessageSource } from './capture-messages.js';

describe('capture messages', () => {
  it('listen for the tag the page hook posts with', () => {
    expect(pageMessageSource).toBe(PAGE_MESSAGE_SOURCE);
  });

  it('read every kind of page hook message, bytes as base64', () => {
    const meta = {
      transport: 'fetch',
      url: 'http://127.0.0.1/api/chat',
      method: 'POST',
      requestHeaders: {},
      requestBody: '{"messages":[]}',
      status: 200,
      statusText: 'OK',
      responseHeaders: { 'content-type': 'text/event-stream' },
      startedAt: 1,
      frameUrl: 'http://127.0.0.1/',
      bytes: 'wire',
      note: null,
    };
    const messages = [
      { kind: 'stream-start', streamId: 's1', meta },
      { kind: 'stream-chunk', streamId: 's1', at: 3.5, bytes: new TextEncoder().encode('data: {}\n\n') },
      { kind: 'stream-end', streamId: 's1', end: { at: 9, outcome: 'complete' } },
    ];
    for (const message of messages) {
      expect(pageMessageSchema.safeParse(message).success).toBe(true);
      const json = message.kind === 'stream-chunk' ? { ...message, bytes: Buffer.from(message.bytes as Uint8Array).toString('base64') } : message;
      expect(captureMessageSchema.safeParse(json).success).toBe(true);
    }
  });

  it('drop what does not fit', () => {
    expect(captureMessageSchema.safeParse({ kind: 'stream-chunk', streamId: 's1', at: -1, bytes: 'AA==' }).success).toBe(false);
    expect(captureMessageSchema.safeParse({ kind: 'stream-chunk', streamId: 's1', at: 1, bytes: 'not base64!' }).success).toBe(false);
    expect(captureMessageSchema.safeParse({ kind: 'other', streamId: 's1' }).success).toBe(false);
  });
});
