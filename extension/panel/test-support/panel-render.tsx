/**
 * Component tests' fixture: a real panel store (decoding in this thread, so what a test pushes is
 * decoded at once) with streams fed through the protocol's encoder, and a render inside the
 * store's context.
 */
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { encodeChunk, encodeDone, type UIMessageChunk } from '../../../protocol/index.js';
import type { StreamMeta } from '../../shared/messages.js';
import { createStore, StoreContext, type PanelStore } from '../state/store.js';
import type { StreamEntry, StreamStatus } from '../state/stream-entry.js';
import { streamMeta } from './stream-meta.js';

/** One piece of a response: chunks (or raw SSE text) arriving `at` ms after the response started. */
export type Arrival = { at: number; chunks?: readonly UIMessageChunk[]; raw?: string };

export type CaptureOptions = {
  meta?: Partial<StreamMeta>;
  /** How and when the stream ended; omitted: still live. */
  end?: { at: number; outcome: Exclude<StreamStatus, 'live'> };
  /** Send `data: [DONE]` after the last arrival. */
  done?: boolean;
};

/** A stream captured into `store` as the connection would feed it. */
export function capture(store: PanelStore, id: string, arrivals: readonly Arrival[], options: CaptureOptions = {}): StreamEntry {
  const entry = store.streams.start(id, streamMeta(options.meta));
  arrivals.forEach(({ at, chunks = [], raw = '' }, position) => {
    const done = options.done && position === arrivals.length - 1 ? encodeDone() : '';
    store.streams.push(id, new TextEncoder().encode(chunks.map((chunk) => encodeChunk(chunk)).join('') + raw + done), at);
  });
  if (options.end) store.streams.end(id, options.end.at, options.end.outcome);
  return entry;
}

/** A short text answer, whole: start, one text part in `deltas`, finish. */
export function textAnswer(deltas: readonly string[]): UIMessageChunk[] {
  return [
    { type: 'start' },
    { type: 'text-start', id: 't1' },
    ...deltas.map((delta) => ({ type: 'text-delta' as const, id: 't1', delta })),
    { type: 'text-end', id: 't1' },
    { type: 'finish' },
  ];
}

export function renderInStore(ui: ComponentChildren, store: PanelStore = createStore()) {
  return { store, ...render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>) };
}
