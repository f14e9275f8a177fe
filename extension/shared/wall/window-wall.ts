/**
 * The page ⇄ relay wall over `window.postMessage`, tagged with the hop's source. The relay's
 * listener runs in the capture phase on `window`, registered at `document_start`, so it runs
 * before any listener the page adds and stops the message there.
 */
import type { Wall } from './wall.js';

type MessageTarget = Pick<Window, 'addEventListener' | 'removeEventListener' | 'postMessage'>;

export function createWindowWall<Out>(target: MessageTarget, source: string): Wall<unknown, Out> {
  return {
    listen(listener) {
      const onMessage = (event: MessageEvent) => {
        if (event.source !== target) return;
        const data: unknown = event.data;
        if (typeof data !== 'object' || data === null || (data as { source?: unknown }).source !== source) return;
        event.stopImmediatePropagation();
        listener(data);
      };
      target.addEventListener('message', onMessage, true);
      return () => target.removeEventListener('message', onMessage, true);
    },
    send(message) {
      target.postMessage({ source, ...(message as object) }, '*');
    },
  };
}
