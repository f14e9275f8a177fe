/** What the user is looking at: a stream, one of its events, and which detail view. */
import { signal, type Signal } from '@preact/signals';

export const detailTabs = ['events', 'findings', 'message', 'timing', 'request'] as const;
export type DetailTab = (typeof detailTabs)[number];

export type SelectionStore = {
  readonly streamId: Signal<string | null>;
  readonly eventIndex: Signal<number | null>;
  readonly tab: Signal<DetailTab>;
  selectStream(id: string | null): void;
  /** Shows an event in the events view (a finding's or a gap's "jump to event"). */
  revealEvent(index: number): void;
  showTab(tab: DetailTab): void;
};

export function createSelectionStore(): SelectionStore {
  const streamId = signal<string | null>(null);
  const eventIndex = signal<number | null>(null);
  const tab = signal<DetailTab>('events');
  function showTab(next: DetailTab): void {
    tab.value = next;
  }
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
      showTab('events');
    },
    showTab,
  };
}
