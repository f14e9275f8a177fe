/**
 * Whether a stream read from DevTools' network log is one the page hook already captured: the log
 * reports every request, the hook only those it saw, and the panel shows each stream once.
 */
import type { StreamMeta } from '../../shared/messages.js';

/** Clock slack between the page's `Date.now()` and DevTools' HAR timestamps. */
export const sameRequestToleranceMs = 1500;

export function isSameRequest(hooked: StreamMeta, logged: StreamMeta): boolean {
  return (
    hooked.url === logged.url &&
    hooked.method.toUpperCase() === logged.method.toUpperCase() &&
    Math.abs(hooked.startedAt - logged.startedAt) <= sameRequestToleranceMs
  );
}

/** The same network-log entry reported twice (by `getHAR()` and `onRequestFinished`). */
export function isSameLogEntry(a: StreamMeta, b: StreamMeta): boolean {
  return a.url === b.url && a.method === b.method && a.startedAt === b.startedAt;
}
