/**
 * The panel's state, composed from small stores and reached through `useStore()`. Components read
 * signals; the connection and the devtools page call the actions.
 */
import { computed, effect, signal, untracked, type ReadonlySignal, type Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createDecodeClient, type DecodeClient } from '../worker/decode-client.js';
import { inlineDecodePort } from '../worker/inline-port.js';
import { createCaptureBudgetsStore, type CaptureBudgetsStore } from './capture-budgets.js';
import { createFilterStore, type FilterStore } from './filter.js';
import { createLayoutStore, type LayoutStore } from './layout.js';
import { createSelectionStore, type SelectionStore } from './selection.js';
import { createSettingsStore, type SettingsStorage, type SettingsStore } from './settings.js';
import type { StreamEntry } from './stream-entry.js';
import { createStreamsStore, type StreamsStore } from './streams.js';
import { entryRow, matchesStreamFilter, type StreamRow } from '../view-model/stream-row.js';

export type VisibleStream = { entry: StreamEntry; row: StreamRow };

export type PanelStore = {
  readonly streams: StreamsStore;
  readonly selection: SelectionStore;
  readonly filter: FilterStore;
  readonly settings: SettingsStore;
  readonly layout: LayoutStore;
  readonly decoding: DecodeClient;
  /** The background's capture budgets and this tab's use of them. */
  readonly capture: CaptureBudgetsStore;
  /** Keep streams across navigations of the inspected page (the background applies it). */
  readonly preserveLog: Signal<boolean>;
  readonly selectedStream: ReadonlySignal<StreamEntry | undefined>;
  /** The streams the filter keeps, in list order, with their rows. */
  readonly visibleStreams: ReadonlySignal<readonly VisibleStream[]>;
  /** Selects the stream `by` rows below (above, when negative) the selected one among the visible. */
  moveSelection(by: number): void;
  clear(): void;
};

export type StoreOptions = {
  /** The decode worker's client; default: decoding in this thread (unit tests). */
  decoding?: DecodeClient;
  /** Where settings and layout persist (the panel's `localStorage`); default: nowhere. */
  storage?: SettingsStorage;
  maxStreams?: number;
};

export function createStore(options: StoreOptions = {}): PanelStore {
  const decoding = options.decoding ?? createDecodeClient(inlineDecodePort());
  const settings = createSettingsStore(options.storage);
  // every change of settings (and the first value) reaches the worker before any stream does
  effect(() => {
    const current = settings.current.value;
    untracked(() => decoding.configure(current));
  });
  const streams = createStreamsStore({ decoding, maxStreams: options.maxStreams });
  const selection = createSelectionStore();
  const filter = createFilterStore();
  const layout = createLayoutStore(options.storage);
  const preserveLog = signal(false);
  const capture = createCaptureBudgetsStore();
  const selectedStream = computed(() => {
    const id = selection.streamId.value;
    return id === null ? undefined : streams.list.value.find((entry) => entry.id === id);
  });

  const visibleStreams = computed(() => {
    const now = streams.clock.value;
    const { stallMs } = settings.current.value;
    const query = filter.streams.value;
    return streams.list.value
      .map((entry) => ({ entry, row: entryRow(entry, now, stallMs) }))
      .filter(({ entry, row }) => matchesStreamFilter(row, entry.findings.map((finding) => finding.code), query));
  });

  function moveSelection(by: number): void {
    const visible = visibleStreams.peek();
    if (visible.length === 0) return;
    const at = visible.findIndex(({ entry }) => entry.id === selection.streamId.peek());
    const next = at < 0 ? (by > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, at + by));
    selection.selectStream(visible[next].entry.id);
  }

  function clear(): void {
    streams.clear();
    selection.selectStream(null);
  }

  return { streams, selection, filter, settings, layout, decoding, capture, preserveLog, selectedStream, visibleStreams, moveSelection, clear };
}

export const StoreContext = createContext<PanelStore | null>(null);

export function useStore(): PanelStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore() called outside <StoreContext.Provider>');
  return store;
}
