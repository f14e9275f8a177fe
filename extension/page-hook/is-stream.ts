/** The capture rule, shared with the network log: `protocol/event-stream.ts`. */
export { isEventStream } from '../../protocol/event-stream.js';

/** Statuses whose responses never have a body. */
export function isNullBodyStatus(status: number): boolean {
  return status === 101 || status === 103 || status === 204 || status === 205 || status === 304;
}
