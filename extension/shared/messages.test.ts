import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { pageMessageSchema } from './messages.js';

const chunk = (bytes: unknown) => ({ kind: 'stream-chunk', streamId: crypto.randomUUID(), at: 1, bytes });

describe('pageMessageSchema: a chunk\'s bytes', () => {
  it('takes a Uint8Array of another realm (what Firefox hands the relay) as a copy in its own', () => {
    const foreign = runInNewContext('new Uint8Array([100, 97, 116, 97])') as Uint8Array;
    expect(foreign instanceof Uint8Array).toBe(false);
    const parsed = pageMessageSchema.parse(chunk(foreign));
    expect(parsed.kind === 'stream-chunk' && parsed.bytes instanceof Uint8Array).toBe(true);
    expect(parsed.kind === 'stream-chunk' && [...parsed.bytes]).toEqual([100, 97, 116, 97]);
  });

  it('keeps a Uint8Array of its own realm as it is', () => {
    const bytes = new Uint8Array([1, 2]);
    const parsed = pageMessageSchema.parse(chunk(bytes));
    expect(parsed.kind === 'stream-chunk' && parsed.bytes).toBe(bytes);
  });

  it('refuses what only looks like bytes', () => {
    expect(pageMessageSchema.safeParse(chunk([1, 2])).success).toBe(false);
    expect(pageMessageSchema.safeParse(chunk(new Uint16Array([1]))).success).toBe(false);
    expect(pageMessageSchema.safeParse(chunk({ length: 1, 0: 1 })).success).toBe(false);
  });
});
