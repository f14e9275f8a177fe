/**
 * The panel's state, composed from small stores and reached through `useStore()`. Components read
 * signals; the connection and the devtools page call the actions.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createFilterStore, type FilterStore } from './filter.js';
import { createSelectionStore, type SelectionStore } from './selection.js';
import { defaultStallMs, type StreamEntry } from './stream-entry.js';
import { createStreamsStore, type StreamsStore, type StreamsStoreOptions } from './streams.js';

export type PanelStore = {
  readonly streams: StreamsStore;
  readonly selection: SelectionStore;
  readonly filter: FilterStore;
  /** Keep streams across navigations of the inspected page (the background applies it). */
  readonly preserveLog: Signal<boolean>;
  readonly selectedStream: ReadonlySignal<StreamEntry | undefined>;
  /** Gap without data events that counts as a stall (the decoder's `stall` threshold). */
  readonly stallMs: number;
  clear(): void;
};

export function createStore(options: StreamsStoreOptions = {}): PanelStore {
  const streams = createStreamsStore(options);
  const selection = createSelectionStore();
  const filter = createFilterStore();
  const preserveLog = signal(false);
  const selectedStream = computed(() => {
    const id = selection.streamId.value;
    return id === null ? undefined : streams.list.value.find((entry) => entry.id === id);
  });

  function clear(): void {
    streams.clear();
    selection.selectStream(null);
  }

  return {
    streams,
    selection,
    filter,
    preserveLog,
    selectedStream,
    stallMs: options.stallMs ?? defaultStallMs,
    clear,
  };
}

export const StoreContext = createContext<PanelStore | null>(null);

export function useStore(): PanelStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore() called outside <StoreContext.Provider>');
  return store;
}
