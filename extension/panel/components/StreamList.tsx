/** The captured streams of the inspected tab, filtered by the toolbar's text. */
import { useStore } from '../state/store.js';
import { StreamListRow } from './StreamListRow.js';
import { VirtualList } from './VirtualList.js';

const rowHeight = 22;

export function StreamList() {
  const { streams, selection, visibleStreams } = useStore();
  const rows = visibleStreams.value;
  const selectedId = selection.streamId.value;
  const selected = rows.findIndex(({ entry }) => entry.id === selectedId);

  if (streams.list.value.length === 0) {
    return (
      <div class="empty-state" data-testid="stream-list">
        <p>No streams yet.</p>
        <p class="muted">Server-sent event responses of the inspected page, and chat requests that fail, appear here as they start.</p>
      </div>
    );
  }
  return (
    <div class="stream-list-body" data-testid="stream-list">
      <div class="row list-head" aria-hidden="true">
        <span class="state-dot hidden" />
        <span class="col-time">start</span>
        <span class="col-method">method</span>
        <span class="col-path">prompt / url</span>
        <span class="col-status">status</span>
        <span class="col-state">state</span>
        <span class="col-duration">time</span>
        <span class="col-events">events</span>
        <span class="col-findings">worst finding</span>
      </div>
      <VirtualList
        count={rows.length}
        rowHeight={rowHeight}
        selected={selected < 0 ? null : selected}
        onSelect={(position) => selection.selectStream(rows[position].entry.id)}
        label="Streams"
        testId="stream-listbox"
        renderRow={(position) => (
          <StreamListRow
            key={rows[position].entry.id}
            row={rows[position].row}
            selected={position === selected}
            onClick={() => selection.selectStream(rows[position].entry.id)}
          />
        )}
      />
    </div>
  );
}
