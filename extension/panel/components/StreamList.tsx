/** The captured streams of the inspected tab, filtered by the toolbar's text. */
import { useComputed } from '@preact/signals';
import { useStore } from '../state/store.js';
import { matchesStreamFilter } from '../view-model/stream-row.js';
import { StreamListRow } from './StreamListRow.js';
import { VirtualList } from './VirtualList.js';

const rowHeight = 22;

export function StreamList() {
  const { streams, filter, selection } = useStore();
  const visible = useComputed(() => streams.list.value.filter((entry) => matchesStreamFilter(entry.meta, filter.streams.value)));
  const entries = visible.value;
  const selectedId = selection.streamId.value;
  const selected = entries.findIndex((entry) => entry.id === selectedId);

  if (streams.list.value.length === 0) {
    return (
      <div class="stream-list empty-state" data-testid="stream-list">
        <p>No streams yet.</p>
        <p class="muted">Server-sent event responses of the inspected page appear here as they start.</p>
      </div>
    );
  }
  return (
    <div class="stream-list" data-testid="stream-list">
      <div class="row list-head" aria-hidden="true">
        <span class="state-dot hidden" />
        <span class="col-method">method</span>
        <span class="col-path">url</span>
        <span class="col-status">status</span>
        <span class="col-events">events</span>
        <span class="col-findings">findings</span>
      </div>
      <VirtualList
        count={entries.length}
        rowHeight={rowHeight}
        selected={selected < 0 ? null : selected}
        onSelect={(position) => selection.selectStream(entries[position].id)}
        label="Streams"
        renderRow={(position) => (
          <StreamListRow
            key={entries[position].id}
            entry={entries[position]}
            selected={position === selected}
            onClick={() => selection.selectStream(entries[position].id)}
          />
        )}
      />
    </div>
  );
}
