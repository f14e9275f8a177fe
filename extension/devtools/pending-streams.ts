/**
 * Network-log streams waiting for the panel: the DevTools page sees requests from the moment
 * DevTools opens, the panel page exists only once the user first shows it. Streams queue (the
 * newest `max`) until then and go straight through afterwards.
 */
import type { NetworkLogStream, PanelHandle } from '../panel/connection/panel-handle.js';

export type PendingStreams = {
  add(stream: NetworkLogStream): void;
  /** Hands the queue to the panel, and later streams as they come. */
  attach(panel: PanelHandle): void;
  readonly queued: number;
};

export function createPendingStreams(max: number): PendingStreams {
  let queue: NetworkLogStream[] = [];
  let panel: PanelHandle | null = null;
  return {
    add(stream) {
      if (panel) panel.addNetworkLogStreams([stream]);
      else queue = [...queue.slice(Math.max(0, queue.length - max + 1)), stream];
    },
    attach(next) {
      panel = next;
      const delivered = queue;
      queue = [];
      if (delivered.length > 0) next.addNetworkLogStreams(delivered);
    },
    get queued() {
      return queue.length;
    },
  };
}
