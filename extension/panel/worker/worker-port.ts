/** The decode worker as a `DecodePort`: a module worker Vite bundles beside the panel page. */
import type { DecodePort } from './decode-client.js';
import type { WorkerToPanelMessage } from './decode-messages.js';

export function workerDecodePort(): DecodePort {
  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: 'streamscope-decode' });
  return {
    postMessage: (message, transfer = []) => worker.postMessage(message, transfer),
    listen: (listener) => worker.addEventListener('message', (event: MessageEvent<WorkerToPanelMessage>) => listener(event.data)),
  };
}
