/**
 * Plays a timeline: each action leaves when it is due, measured from the start so that delays
 * never drift, and only while the sink can take more (a script with no delays is paced by the
 * reader, not buffered). One timer at most per playing stream.
 */
import type { Action } from '../../protocol/scenarios/expand.js';
import type { Holds } from './holds.js';
import type { Timers } from './stats.js';

export type Sink = {
  send(bytes: Uint8Array): void;
  close(): void;
  disconnect(): void;
  /** A step could not play: end the stream, saying why. */
  fail(reason: string): void;
  /** False while readers are behind; the owner calls `resume()` when they catch up. */
  ready(): boolean;
};

export type Player = {
  /** Start, or continue after the sink became ready again. */
  resume(): void;
  /** Stop now: no more actions, no timer left. */
  cancel(): void;
  /** Drop the rest of the timeline and play `actions` from now on. */
  replace(actions: Iterator<Action>): void;
};

const encoder = new TextEncoder();

/** Actions due at once leave as one write, up to this many bytes. */
const maxBatchBytes = 64 * 1024;

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

export function createPlayer(actions: Iterator<Action>, sink: Sink, timers: Timers, holds: Holds): Player {
  let iterator = actions;
  let start = performance.now();
  let pending: Action | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Set while parked at a hold: unparks without releasing. */
  let unpark: (() => void) | undefined;
  let over = false;
  let pumping = false;

  function stopWaiting(): void {
    timers.clear(timer);
    timer = undefined;
    unpark?.();
    unpark = undefined;
  }

  /** Parks at a hold; on release, the rest of the timeline is timed from that moment. */
  function park(action: Extract<Action, { kind: 'wait-release' }>): void {
    unpark = holds.park(action.name, () => {
      unpark = undefined;
      start = performance.now() - action.at;
      pump();
    });
  }

  function finish(action: Exclude<Action, { kind: 'send' | 'wait-release' }>): void {
    over = true;
    if (action.kind === 'close') sink.close();
    else if (action.kind === 'disconnect') sink.disconnect();
    else if (action.kind === 'fail') sink.fail(action.reason);
  }

  /** Sends every action that is due, as one batch; false once the stream is over or waiting. */
  function sendDue(): boolean {
    const batch: Uint8Array[] = [];
    let size = 0;
    const flush = () => batch.length > 0 && sink.send(concat(batch, size));
    for (;;) {
      const next: Action = pending ?? iterator.next().value ?? { at: 0, kind: 'close' };
      const wait = start + next.at - performance.now();
      if (wait > 0) {
        pending = next;
        flush();
        timer = timers.set(pump, wait);
        return false;
      }
      pending = undefined;
      if (next.kind === 'wait-release') {
        flush();
        park(next);
        return false;
      }
      if (next.kind !== 'send') {
        flush();
        finish(next);
        return false;
      }
      const bytes = typeof next.bytes === 'string' ? encoder.encode(next.bytes) : next.bytes;
      batch.push(bytes);
      size += bytes.length;
      if (size >= maxBatchBytes) {
        flush();
        return true;
      }
    }
  }

  function pump(): void {
    timers.clear(timer);
    timer = undefined;
    pumping = true;
    try {
      while (!over && sink.ready() && sendDue());
    } finally {
      pumping = false;
    }
  }

  return {
    /** Also starts playing: the owner calls it once a reader is attached. */
    resume() {
      if (!over && !pumping && timer === undefined && unpark === undefined) pump();
    },
    cancel() {
      over = true;
      stopWaiting();
    },
    replace(next) {
      stopWaiting();
      iterator = next;
      pending = undefined;
      start = performance.now();
      over = false;
      if (!pumping) pump();
    },
  };
}
