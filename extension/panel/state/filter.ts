/** The text filters over the stream list and over the selected stream's events. */
import { signal, type Signal } from '@preact/signals';

export type FilterStore = {
  /** Matches a stream's URL or method. */
  readonly streams: Signal<string>;
  /** Matches an event's kind, type or raw text. */
  readonly events: Signal<string>;
  /** Shows only events a finding points at. */
  readonly onlyFlagged: Signal<boolean>;
};

export function createFilterStore(): FilterStore {
  return { streams: signal(''), events: signal(''), onlyFlagged: signal(false) };
}
