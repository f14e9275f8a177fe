/**
 * The decode host in the panel's own thread, behind the same port as the worker: for unit tests,
 * where it answers synchronously so a test reads what it pushed at once.
 */
import type { DecodePort } from './decode-client.js';
import { createDecodeHost, type HostOptions } from './decode-host.js';
import type { WorkerToPanelMessage } from './decode-messages.js';

export function inlineDecodePort(options: Pick<HostOptions, 'limits' | 'sliceMs' | 'pieceBytes'> = {}): DecodePort {
  const listeners: ((message: WorkerToPanelMessage) => void)[] = [];
  const tasks: (() => void)[] = [];
  let draining = false;
  const receive = createDecodeHost({
    ...options,
    post: (message) => listeners.forEach((listener) => listener(message)),
    schedule(task) {
      tasks.push(task);
      if (draining) return;
      draining = true;
      while (tasks.length > 0) tasks.shift()!();
      draining = false;
    },
  });
  return { postMessage: receive, listen: (listener) => void listeners.push(listener) };
}
