/**
 * The relay's queue towards the background: messages get sequence numbers, leave in batches, and
 * stay queued until the background acknowledges them, so a batch sent to a service worker that
 * Chrome stopped before storing it is sent again on the next connection. Pure: the port is
 * passed in, which keeps it testable without Chrome.
 */
import { CAPTURE_PROTOCOL_VERSION, limits } from '../shared/hops.js';
import type { RelayMessage, RelayToBackgroundMessage } from '../shared/messages.js';

export type Sender = (message: RelayToBackgroundMessage) => void;

type Entry = { seq: number; message: RelayMessage; size: number };

/** A chunk's envelope around its base64, in characters (`{"kind":"stream-chunk",…}`). */
const chunkEnvelope = 128;

/** What a message really costs on the wire: its JSON size (metadata included). */
export function sizeOf(message: RelayMessage): number {
  return message.kind === 'stream-chunk' ? message.chunk.base64.length + chunkEnvelope : JSON.stringify(message).length;
}

export function createOutbox(relay: string) {
  const queue: Entry[] = [];
  let nextSeq = 0;
  let sentUpTo = -1;
  let queuedBytes = 0;
  return {
    /**
     * Queues a message; false when the queue is full (the caller then truncates or drops the
     * stream). Stream ends and drop notes always fit: they are small and bounded by the starts.
     */
    push(message: RelayMessage): boolean {
      const size = sizeOf(message);
      const refusable = message.kind === 'stream-start' || message.kind === 'stream-chunk';
      if (refusable && queuedBytes + size > limits.relayQueueBytes) return false;
      queue.push({ seq: nextSeq++, message, size });
      queuedBytes += size;
      return true;
    },
    /** Sends everything not sent on this connection yet. */
    flush(send: Sender): void {
      let first = queue.findIndex((entry) => entry.seq > sentUpTo);
      if (first < 0) return;
      while (first < queue.length) {
        let end = first;
        let bytes = 0;
        while (end < queue.length && end - first < limits.batchMessages && (end === first || bytes + queue[end].size <= limits.batchBytes)) bytes += queue[end++].size;
        const batch = queue.slice(first, end);
        send({ version: CAPTURE_PROTOCOL_VERSION, relay, batch: batch.map(({ seq, message }) => ({ seq, message })) });
        sentUpTo = batch[batch.length - 1].seq;
        first += batch.length;
      }
    },
    acknowledge(upTo: number): void {
      let drop = 0;
      while (drop < queue.length && queue[drop].seq <= upTo) queuedBytes -= queue[drop++].size;
      queue.splice(0, drop);
    },
    /** A new connection: everything unacknowledged goes again. */
    reconnected(): void {
      sentUpTo = -1;
    },
    /** The sequence number of the last message queued. */
    get lastSeq(): number {
      return nextSeq - 1;
    },
    get pending(): number {
      return queue.length;
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
