/**
 * One playing scenario and the clients reading it. A resumable session (a chat id was given)
 * keeps what it sent so that `GET /api/chat/:id/stream` can replay it, and keeps playing for a
 * short window after its last reader left so a reloaded page can pick it up; after that window,
 * or at once when not resumable, the script is cancelled and its timer cleared.
 */
import { encodeComment } from '../../protocol/encoder.js';
import { expandSteps } from '../../protocol/scenarios/expand.js';
import type { Scenario, Step } from '../../protocol/scenarios/schema.js';
import type { Holds } from './holds.js';
import type { Script } from './pick-scenario.js';
import { createPlayer, type Sink } from './player.js';
import type { MockStats, Timers } from './stats.js';

export type SessionOptions = {
  scenario: Scenario;
  /** The script to play: the scenario's steps, or its continuation's. */
  script: Script;
  resumable: boolean;
  /** How long a resumable session waits for a reader to come back. */
  resumeWindowMs: number;
  stats: MockStats;
  timers: Timers;
  holds: Holds;
  log(line: string): void;
  onEnd(): void;
};

export type Session = {
  readonly scenario: Scenario;
  /** A new reader: everything sent so far (resumable sessions), then live bytes. */
  attach(): ReadableStream<Uint8Array>;
  /** Plays the scenario's `onStop` steps instead of the rest; false when already over. */
  stop(): boolean;
  /** Ends at once, readers closed. */
  cancel(): void;
};

const encoder = new TextEncoder();
const defaultOnStop: Step[] = [{ step: 'chunk', chunk: { type: 'abort' } }, { step: 'done' }];
/** Readers may fall this many chunks behind before the script waits for them. */
const highWaterMark = 16;

export function createSession(options: SessionOptions): Session {
  const { scenario, stats, timers } = options;
  const readers = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const sent: Uint8Array[] = [];
  let ended = false;
  let resumeTimer: ReturnType<typeof setTimeout> | undefined;

  function end(finish: (reader: ReadableStreamDefaultController<Uint8Array>) => void): void {
    if (ended) return;
    ended = true;
    player.cancel();
    timers.clear(resumeTimer);
    for (const reader of readers) finish(reader);
    readers.clear();
    sent.length = 0;
    stats.activeStreams -= 1;
    options.onEnd();
  }

  const sink: Sink = {
    send(bytes) {
      if (options.resumable) sent.push(bytes);
      for (const reader of readers) reader.enqueue(bytes);
    },
    close: () => end((reader) => reader.close()),
    disconnect: () => end((reader) => reader.error(new Error('scenario disconnect step'))),
    fail(reason) {
      options.log(`[streamscope] scenario "${scenario.name}": ${reason}; the stream was ended`);
      sink.send(encoder.encode(encodeComment(`streamscope: ${reason}`)));
      sink.close();
    },
    ready() {
      for (const reader of readers) if ((reader.desiredSize ?? 0) <= 0) return false;
      return true;
    },
  };
  const play = ({ path, steps }: Script) => expandSteps(steps, { dialect: scenario.dialect, seed: scenario.seed, path });
  const player = createPlayer(play(options.script), sink, timers, options.holds);
  stats.activeStreams += 1;

  function detach(reader: ReadableStreamDefaultController<Uint8Array>): void {
    readers.delete(reader);
    if (ended || readers.size > 0) return;
    if (!options.resumable || options.resumeWindowMs <= 0) end(() => {});
    else resumeTimer = timers.set(() => end(() => {}), options.resumeWindowMs);
  }

  return {
    scenario,
    attach() {
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      return new ReadableStream<Uint8Array>(
        {
          start(reader) {
            controller = reader;
            timers.clear(resumeTimer);
            resumeTimer = undefined;
            for (const bytes of sent) reader.enqueue(bytes);
            readers.add(reader);
          },
          pull: () => player.resume(),
          cancel: () => detach(controller),
        },
        { highWaterMark },
      );
    },
    stop() {
      if (ended) return false;
      player.replace(play({ path: '$.onStop', steps: scenario.onStop ?? defaultOnStop }));
      return true;
    },
    cancel: () => end((reader) => reader.close()),
  };
}
