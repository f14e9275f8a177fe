/** The events of a stream: filter bar, the virtualized table and the selected event's detail. */
import { useStore } from '../state/store.js';
import type { StreamEntry } from '../state/stream-entry.js';
import { eventRow, keepEvents } from '../view-model/event-row.js';
import { severityByEvent } from '../view-model/severity.js';
import { EventInspector } from './EventInspector.js';
import { SeverityIcon } from './SeverityCounts.js';
import { VirtualList } from './VirtualList.js';
import { FilterInput } from './FilterInput.js';

const rowHeight = 20;

export function EventsView({ entry }: { entry: StreamEntry }) {
  const { filter, selection } = useStore();
  entry.revision.value;
  const records = entry.records;
  const flagged = severityByEvent(entry.findings);
  const kept = keepEvents(records, filter.events.value, filter.onlyFlagged.value ? flagged : null);
  const eventIndex = selection.eventIndex.value;
  const selected = eventIndex === null ? -1 : kept.rowOf(eventIndex);
  const selectedRecord = selected < 0 ? undefined : records[kept.recordAt(selected)];

  return (
    <div class="events-view">
      <div class="subbar">
        <FilterInput id="event-filter" placeholder="Filter events" value={filter.events} />
        <label class="toolbar-check" title="Only events a finding points at">
          <input
            type="checkbox"
            checked={filter.onlyFlagged.value}
            onChange={(event) => (filter.onlyFlagged.value = event.currentTarget.checked)}
          />
          Flagged only
        </label>
        <span class="toolbar-spacer" />
        <span class="muted">
          {kept.count === records.length ? `${records.length} events` : `${kept.count} of ${records.length} events`}
        </span>
      </div>
      <div class="events-table">
        <div class="row events-head" aria-hidden="true">
          <span class="col-sev" />
          <span class="col-index">#</span>
          <span class="col-at">at ms</span>
          <span class="col-type">type</span>
          <span class="col-payload">payload</span>
        </div>
        <VirtualList
          count={kept.count}
          rowHeight={rowHeight}
          selected={selected < 0 ? null : selected}
          onSelect={(position) => (selection.eventIndex.value = records[kept.recordAt(position)].index)}
          follow={entry.status.value === 'live'}
          label="Events"
          testId="events-list"
          renderRow={(position) => {
            const at = kept.recordAt(position);
            const record = records[at];
            const row = eventRow(record, flagged.get(record.index), entry.previews[at]);
            return (
              <div
                key={row.index}
                class={`row event-row kind-${record.kind}${row.severity ? ` flagged-${row.severity}` : ''}${position === selected ? ' selected' : ''}`}
                role="option"
                aria-selected={position === selected}
                data-testid="event-row"
                onClick={() => (selection.eventIndex.value = row.index)}
              >
                <span class="col-sev">{row.severity && <SeverityIcon severity={row.severity} />}</span>
                <span class="col-index">{row.index}</span>
                <span class="col-at">{row.at}</span>
                <span class="col-type">{row.label}</span>
                <span class="col-payload">{row.payload}</span>
              </div>
            );
          }}
        />
      </div>
      {selectedRecord && <EventInspector record={selectedRecord} findings={entry.findings} />}
    </div>
  );
}
