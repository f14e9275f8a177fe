/**
 * How the events arrived, where arrival times are known (`buffered-delivery`): a stream that
 * streams arrives over many network reads; one that something buffered arrives in a few bursts
 * long after the response started, most of it in one read after a silence.
 */

/** A burst must hold at least this share of the events… */
const burstShare = 0.8;
/** …come after at least this long without any read (ms)… */
const minSilenceMs = 2000;
/** …in a stream of at least this many events (a tiny reply fits in one read anyway). */
const minEvents = 10;

export type DeliveryTracker = {
  /** A network read at `at` (ms since the response started) that completed `events` SSE events. */
  read(at: number, events: number): void;
  /** The finding's message when the events arrived buffered; null when they streamed. */
  verdict(): string | null;
};

export function createDeliveryTracker(): DeliveryTracker {
  let lastReadAt = 0;
  let total = 0;
  let reads = 0;
  let burst = { events: 0, at: 0, silence: 0 };
  return {
    read(at, events) {
      const silence = at - lastReadAt;
      lastReadAt = at;
      if (events === 0) return;
      reads++;
      total += events;
      if (events > burst.events) burst = { events, at, silence };
    },
    verdict() {
      if (total < minEvents || burst.events < total * burstShare || burst.silence < minSilenceMs) return null;
      const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
      return (
        `${burst.events} of ${total} events arrived in one network read at ${seconds(burst.at)}, after ${seconds(burst.silence)} with nothing (${reads} read(s) with events in all): ` +
        'the user saw nothing and then everything at once; a proxy (nginx without "x-accel-buffering: no"), compression or the server buffered the stream'
      );
    },
  };
}
