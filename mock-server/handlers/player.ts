/**
 * Plays a timeline: each action leaves when it is due, measured from the start so that delays
 * never drift, and only while the sink can take more (a script with no delays is paced by the
 * reader, not buffered). One timer at most per playing stream.
 */
import type { Action } from '../scenarios/expand.js';
import type { Timers } from './stats.js';

export type Sink = {
  send(bytes: Uint8Array): void;
  close(): void;
  disconnect(): void;
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

export function createPlayer(actions: Iterator<Action>, sink: Sink, timers: Timers): Player {
  let iterator = actions;
  let start = performance.now();
  let pending: Action | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let over = false;
  let pumping = false;

  function perform(action: Action): void {
    switch (action.kind) {
      case 'send':
        sink.send(typeof action.bytes === 'string' ? encoder.encode(action.bytes) : action.bytes);
        return;
      case 'close':
        over = true;
        sink.close();
        return;
      case 'disconnect':
        over = true;
        sink.disconnect();
        return;
      case 'hold':
        over = true;
        return;
    }
  }

  function pump(): void {
    timers.clear(timer);
    timer = undefined;
    pumping = true;
    try {
      while (!over && sink.ready()) {
        const next = pending ?? iterator.next().value;
        if (!next) {
          perform({ at: 0, kind: 'close' });
          return;
        }
        const wait = start + next.at - performance.now();
        if (wait > 0) {
          pending = next;
          timer = timers.set(pump, wait);
          return;
        }
        pending = undefined;
        perform(next);
      }
    } finally {
      pumping = false;
    }
  }

  return {
    /** Also starts playing: the owner calls it once a reader is attached. */
    resume() {
      if (!over && !pumping && timer === undefined) pump();
    },
    cancel() {
      over = true;
      timers.clear(timer);
      timer = undefined;
    },
    replace(next) {
      timers.clear(timer);
      timer = undefined;
      iterator = next;
      pending = undefined;
      start = performance.now();
      over = false;
      if (!pumping) pump();
    },
  };
}
