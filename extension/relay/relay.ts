/**
 * The relay's logic: takes the page hook's messages off the page wall, validates them (the page
 * can forge anything), applies the per-stream cap and the queue budget (every message counted at
 * its real size, metadata included), and forwards them to the background over a reconnecting port
 * wall that opens on the first stream (pages without streams never wake the service worker).
 * Whole streams dropped in a flood are reported to the background in a note, one at a time.
 */
import { limits, pageMessageSchema, pageToRelayMessageSchema } from '../shared/messages.js';
import type { BackgroundToRelayMessage, PageMessage, RelayMessage, RelayToBackgroundMessage } from '../shared/messages.js';
import { toBase64 } from '../shared/base64.js';
import { createPortWall } from '../shared/wall/port-wall.js';
import type { RuntimePort } from '../shared/wall/runtime-port.js';
import type { Wall } from '../shared/wall/wall.js';
import { createOutbox, sizeOf } from './outbox.js';

export type RelayOptions = {
  /** The page's messages (`window-wall.ts` in the browser). */
  page: Wall<unknown, never>;
  /** Opens a port to the background. */
  connect(): RuntimePort;
  /** Random per relay instance (one per document). */
  relayId: string;
  later?(run: () => void, ms: number): void;
};

type StreamState = { bytes: number; truncated: boolean };

export function createRelay({ page, connect, relayId, later }: RelayOptions) {
  const outbox = createOutbox(relayId);
  const streams = new Map<string, StreamState>();
  const dropped = { streams: 0, bytes: 0 };
  let noteSeq: number | null = null;
  let dead = false;

  const background = createPortWall<BackgroundToRelayMessage, RelayToBackgroundMessage>({
    connect,
    lazy: true,
    later,
    onConnect: () => {
      outbox.reconnected();
      flush();
    },
    onDisconnect: () => {
      if (outbox.pending > 0) background.open();
    },
    onDead: () => {
      dead = true;
    },
  });

  background.listen((message) => {
    if (message?.kind !== 'ack' || !Number.isInteger(message.upTo)) return;
    outbox.acknowledge(message.upTo);
    if (noteSeq !== null && message.upTo >= noteSeq) noteSeq = null;
  });

  function flush(): void {
    if (!background.connected) return background.open();
    if (noteSeq === null && dropped.streams > 0) {
      noteSeq = outbox.push({ kind: 'dropped', ...dropped }) ? outbox.lastSeq : null;
      dropped.streams = dropped.bytes = 0;
    }
    outbox.flush(background.send);
  }

  /** Applies the per-stream cap; returns the message to forward, or null to drop. */
  function toRelayMessage(message: PageMessage): RelayMessage | null {
    const state = streams.get(message.streamId);
    if (message.kind === 'stream-start') {
      if (state) return null;
      streams.set(message.streamId, { bytes: 0, truncated: false });
      return { kind: 'stream-start', streamId: message.streamId, meta: message.meta };
    }
    if (!state) return null;
    if (message.kind === 'stream-end') {
      streams.delete(message.streamId);
      return { kind: 'stream-end', streamId: message.streamId, end: message.end, truncated: state.truncated };
    }
    if (state.truncated) return null;
    state.bytes += message.bytes.byteLength;
    if (state.bytes > limits.streamBytes) {
      state.truncated = true;
      return null;
    }
    return { kind: 'stream-chunk', streamId: message.streamId, chunk: { at: message.at, base64: toBase64(message.bytes) } };
  }

  function forward(raw: unknown): void {
    const parsed = pageMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = toRelayMessage(parsed.data);
    if (!message) return;
    const fits = sizeOf(message) <= limits.messageBytes;
    if (fits && outbox.push(message)) return;
    // over the message budget or the queue is full: a chunk truncates its stream, a start drops
    // the stream whole
    if (message.kind === 'stream-start') {
      streams.delete(message.streamId);
      dropped.streams++;
      dropped.bytes += sizeOf(message);
    } else if (message.kind === 'stream-chunk') {
      const state = streams.get(message.streamId);
      if (state) state.truncated = true;
    }
  }

  page.listen((data) => {
    if (dead) return;
    const parsed = pageToRelayMessageSchema.safeParse(data);
    if (!parsed.success) return;
    for (const raw of parsed.data.messages) forward(raw);
    // the hook already gathered a task's messages: send them now rather than a timer later
    if (outbox.pending > 0 || dropped.streams > 0) flush();
  });

  return {
    get pending() {
      return outbox.pending;
    },
  };
}
