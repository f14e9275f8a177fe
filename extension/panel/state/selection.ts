/** What the user is looking at: a stream, one of its events, and which detail view. */
import { signal, type Signal } from '@preact/signals';

export const detailTabs = ['events', 'findings', 'message', 'timing'] as const;
export type DetailTab = (typeof detailTabs)[number];

export type SelectionStore = {
  readonly streamId: Signal<string | null>;
  readonly eventIndex: Signal<number | null>;
  readonly tab: Signal<DetailTab>;
  selectStream(id: string | null): void;
  /** Shows an event in the events view (a finding's "jump to event"). */
  revealEvent(index: number): void;
};

export function createSelectionStore(): SelectionStore {
  const streamId = signal<string | null>(null);
  const eventIndex = signal<number | null>(null);
  const tab = signal<DetailTab>('events');
  return {
    streamId,
    eventIndex,
    tab,
    selectStream(id) {
      if (streamId.peek() === id) return;
      streamId.value = id;
      eventIndex.value = null;
    },
    revealEvent(index) {
      eventIndex.value = index;
      tab.value = 'events';
    },
  };
}
