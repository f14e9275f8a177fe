import { describe, expect, it } from 'vitest';
import { limits, type RelayMessage, type RelayToBackgroundMessage } from '../shared/messages.js';
import { createOutbox } from './outbox.js';

const chunk = (base64: string): RelayMessage => ({ kind: 'stream-chunk', streamId: 's', chunk: { at: 0, base64 } });
const seqs = (sent: RelayToBackgroundMessage[]) => sent.flatMap((message) => message.batch.map((entry) => entry.seq));

describe('relay outbox', () => {
  it('sends each message once per connection, and everything unacknowledged again after a reconnect', () => {
    const outbox = createOutbox('relay-1');
    const sent: RelayToBackgroundMessage[] = [];
    outbox.push(chunk('AA=='));
    outbox.push(chunk('AQ=='));
    outbox.flush((message) => sent.push(message));
    outbox.flush((message) => sent.push(message));
    expect(seqs(sent)).toEqual([0, 1]);
    expect(sent[0].relay).toBe('relay-1');
    outbox.acknowledge(0);
    outbox.push(chunk('Ag=='));
    outbox.reconnected();
    outbox.flush((message) => sent.push(message));
    expect(seqs(sent)).toEqual([0, 1, 1, 2]);
    outbox.acknowledge(2);
    expect(outbox.pending).toBe(0);
  });

  it('splits large backlogs into batches within the message and byte limits', () => {
    const outbox = createOutbox('r');
    for (let index = 0; index < limits.batchMessages + 3; index++) outbox.push(chunk('AA=='));
    const sent: RelayToBackgroundMessage[] = [];
    outbox.flush((message) => sent.push(message));
    expect(sent.map((message) => message.batch.length)).toEqual([limits.batchMessages, 3]);

    const big = createOutbox('r');
    const third = 'A'.repeat(limits.batchBytes / 3 - 1024);
    for (let index = 0; index < 4; index++) big.push(chunk(third));
    const bigSent: RelayToBackgroundMessage[] = [];
    big.flush((message) => bigSent.push(message));
    expect(bigSent.map((message) => message.batch.length)).toEqual([3, 1]);
  });

  it('refuses chunks past its byte budget but still queues the stream end', () => {
    const outbox = createOutbox('r');
    const big = 'A'.repeat(limits.relayQueueBytes / 2 + 1);
    expect(outbox.push(chunk(big))).toBe(true);
    expect(outbox.push(chunk(big))).toBe(false);
    expect(outbox.push({ kind: 'stream-end', streamId: 's', end: { at: 1, outcome: 'complete' }, truncated: true })).toBe(true);
    outbox.acknowledge(1);
    expect(outbox.push(chunk(big))).toBe(true);
  });
});
