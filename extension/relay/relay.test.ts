import { describe, expect, it } from 'vitest';
import { PAGE_MESSAGE_SOURCE, limits, type PageMessage, type RelayToBackgroundMessage, type StreamMeta } from '../shared/messages.js';
import { createListeners, type Wall } from '../shared/wall/wall.js';
import { createMemoryPorts } from '../shared/wall/memory-wall.js';
import type { RuntimePort } from '../shared/wall/runtime-port.js';
import { meta } from '../test-support/capture.js';
import { createRelay } from './relay.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A relay between a fake page and a fake background whose ports the test can close. */
function harness() {
  const fromPage = createListeners<unknown>();
  const page: Wall<unknown, never> = { listen: fromPage.add, send: () => {} };
  const received: RelayToBackgroundMessage[] = [];
  const servers: RuntimePort[] = [];
  let autoAck = true;
  const timers: (() => void)[] = [];
  const relay = createRelay({
    page,
    relayId: 'relay-1',
    later: (run) => timers.push(run),
    connect: () => {
      const { client, server } = createMemoryPorts('streamscope:relay');
      servers.push(server);
      server.onMessage.addListener((message) => {
        const batch = message as RelayToBackgroundMessage;
        received.push(batch);
        if (autoAck) server.postMessage({ kind: 'ack', upTo: batch.batch.at(-1)!.seq });
      });
      return client;
    },
  });
  const post = (...messages: PageMessage[]) => fromPage.emit({ source: PAGE_MESSAGE_SOURCE, messages });
  const kinds = () => received.flatMap((batch) => batch.batch.map(({ seq, message }) => `${seq}:${message.kind}`));
  return { relay, post, received, servers, kinds, timers, setAutoAck: (value: boolean) => (autoAck = value) };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('relay', () => {
  it('forwards a stream as it comes, and nothing forged or malformed', async () => {
    const { post, kinds, servers } = harness();
    post({ kind: 'stream-chunk', streamId: 'never-started', at: 1, bytes: bytes('x') });
    post({ kind: 'stream-start', streamId: 's', meta: { ...meta, method: 'x'.repeat(limits.method + 1) } });
    await settle();
    expect(servers).toHaveLength(0);
    post({ kind: 'stream-start', streamId: 's', meta }, { kind: 'stream-chunk', streamId: 's', at: 1, bytes: bytes('data: a\n\n') });
    post({ kind: 'stream-end', streamId: 's', end: { at: 2, outcome: 'complete' } });
    await settle();
    expect(kinds()).toEqual(['0:stream-start', '1:stream-chunk', '2:stream-end']);
  });

  it('re-sends what the background did not acknowledge when the worker restarts', async () => {
    const { post, kinds, servers, setAutoAck } = harness();
    post({ kind: 'stream-start', streamId: 's', meta });
    await settle();
    setAutoAck(false);
    post({ kind: 'stream-chunk', streamId: 's', at: 1, bytes: bytes('a') });
    await settle();
    setAutoAck(true);
    servers[0].disconnect();
    await settle();
    await settle();
    expect(servers).toHaveLength(2);
    expect(kinds()).toEqual(['0:stream-start', '1:stream-chunk', '1:stream-chunk']);
  });

  it('backs off when the background closes without answering, and goes on once it answers', async () => {
    const { post, servers, timers, setAutoAck } = harness();
    setAutoAck(false);
    post({ kind: 'stream-start', streamId: 's', meta });
    await settle();
    servers[0].disconnect();
    await settle();
    expect(servers).toHaveLength(1);
    expect(timers).toHaveLength(1);
    setAutoAck(true);
    timers.shift()!();
    await settle();
    expect(servers).toHaveLength(2);
  });

  it('counts metadata at its real size: a flood of max-size starts is dropped at the queue budget, with a note', async () => {
    const { post, received, servers, setAutoAck } = harness();
    setAutoAck(false);
    const huge: StreamMeta = {
      ...meta,
      requestHeaders: Object.fromEntries(Array.from({ length: limits.headers }, (_, index) => [`h${index}`, 'v'.repeat(limits.text - 8)])),
    };
    const starts = Math.ceil(limits.relayQueueBytes / JSON.stringify(huge).length) + 5;
    for (let index = 0; index < starts; index++) post({ kind: 'stream-start', streamId: `f${index}`, meta: huge });
    await settle();
    // once the background has it all, the next page message brings the note of the rest
    servers[0].postMessage({ kind: 'ack', upTo: received.at(-1)!.batch.at(-1)!.seq });
    await settle();
    post({ kind: 'stream-end', streamId: 'f0', end: { at: 1, outcome: 'complete' } });
    await settle();
    const sent = received.flatMap((batch) => batch.batch.map(({ message }) => message));
    const forwarded = sent.filter((message) => message.kind === 'stream-start').length;
    const notes = sent.filter((message) => message.kind === 'dropped');
    expect(forwarded).toBeLessThan(starts);
    expect(notes).toHaveLength(2);
    expect(notes.reduce((sum, note) => sum + note.streams, 0)).toBe(starts - forwarded);
    expect(received.every((batch) => JSON.stringify(batch).length <= limits.batchBytes + 1024)).toBe(true);
  });
});
