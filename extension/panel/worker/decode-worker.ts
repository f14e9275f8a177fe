/// <reference lib="webworker" />
/**
 * The panel's decode worker (a module worker the panel page starts): every stream is decoded here,
 * off the panel's UI thread. Yields between slices through a MessageChannel, which (unlike
 * `setTimeout`) is not clamped when nested.
 */
import '../../shared/zod-jitless.js';
import { createDecodeHost } from './decode-host.js';
import type { PanelToWorkerMessage, WorkerToPanelMessage } from './decode-messages.js';

declare const self: DedicatedWorkerGlobalScope;

const channel = new MessageChannel();
const tasks: (() => void)[] = [];
channel.port1.onmessage = () => tasks.shift()?.();

/**
 * A payload too deep for structured clone (JSON nested thousands of levels) cannot be posted: such
 * records go without their parsed chunk, and the panel reads their raw text instead.
 */
function post(message: WorkerToPanelMessage, transfer: Transferable[] = []): void {
  try {
    self.postMessage(message, transfer);
  } catch (error) {
    if (message.kind !== 'progress') throw error;
    self.postMessage({ ...message, records: message.records.map(({ chunk: _chunk, ...record }) => record) });
  }
}

const receive = createDecodeHost({
  post,
  schedule(task) {
    tasks.push(task);
    channel.port2.postMessage(null);
  },
});

self.onmessage = (event: MessageEvent<PanelToWorkerMessage>) => receive(event.data);
