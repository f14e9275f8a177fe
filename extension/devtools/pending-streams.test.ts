import { describe, expect, it } from 'vitest';
import type { NetworkLogStream } from '../panel/connection/panel-handle.js';
import { createPendingStreams } from './pending-streams.js';

const stream = (body: string) => ({ meta: {}, body }) as NetworkLogStream;

describe('pending network-log streams', () => {
  it('queues the newest until the panel attaches, then delivers directly', () => {
    const pending = createPendingStreams(2);
    pending.add(stream('a'));
    pending.add(stream('b'));
    pending.add(stream('c'));
    expect(pending.queued).toBe(2);
    const received: (string | null)[][] = [];
    pending.attach({ addNetworkLogStreams: (streams) => received.push(streams.map((item) => item.body)) });
    pending.add(stream('d'));
    expect(received).toEqual([['b', 'c'], ['d']]);
    expect(pending.queued).toBe(0);
  });
});
