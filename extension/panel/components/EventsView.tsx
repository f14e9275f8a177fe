/**
 * The events of a stream: search bar, the virtualized table and the selected event's detail. The
 * search matches types and raw text, and the rebuilt text of each part (so a word split across
 * deltas is found); matches are marked in the rows and the inspector.
 */
import { useMemo } from 'preact/hooks';
import { useStore } from '../state/store.js';
import type { StreamEntry } from '../state/stream-entry.js';
import { eventRow, keepEvents } from '../view-model/event-row.js';
import { createEventSearch, searchRanges, type EventSearch } from '../view-model/event-search.js';
import { severityByEvent } from '../view-model/severity.js';
import { rangesInJson } from '../view-model/text-ranges.js';
import { EventInspector } from './EventInspector.js';
import { FilterInput } from './FilterInput.js';
import { Marked } from './Marked.js';
import { SeverityIcon } from './SeverityCounts.js';
import { TextHits } from './TextHits.js';
import { VirtualList } from './VirtualList.js';

const rowHeight = 20;

/** A row's payload marks: direct matches, and the part of its delta a rebuilt-text match covers. */
function payloadRanges(payload: string, index: number, search: EventSearch | null) {
  const delta = search?.deltaMarks.get(index);
  return [...searchRanges(payload, search), ...(delta ? rangesInJson(payload, delta.field, delta.delta, delta.ranges) : [])];
}

export function EventsView({ entry }: { entry: StreamEntry }) {
  const { filter, selection } = useStore();
  entry.revision.value;
  const records = entry.records;
  const runSearch = useMemo(createEventSearch, []);
  const search = runSearch(records, filter.events.value);
  const flagged = severityByEvent(entry.findings);
  const kept = keepEvents(records, search, filter.onlyFlagged.value ? flagged : null);
  const eventIndex = selection.eventIndex.value;
  const selected = eventIndex === null ? -1 : kept.rowOf(eventIndex);
  // an event opened from elsewhere (a finding, a gap) shows even when the search hides its row
  const selectedRecord = selected >= 0 ? records[kept.recordAt(selected)] : eventIndex === null ? undefined : records.find((record) => record.index === eventIndex);

  return (
    <div class="events-view">
      <div class="subbar">
        <FilterInput id="event-filter" placeholder="Search events and text" value={filter.events} />
        <label class="toolbar-check" title="Only events a finding points at">
          <input
            type="checkbox"
            checked={filter.onlyFlagged.value}
            onChange={(event) => (filter.onlyFlagged.value = event.currentTarget.checked)}
          />
          Flagged only
        </label>
        <span class="toolbar-spacer" />
        <span class="muted" data-testid="events-count">
          {kept.count === records.length ? `${records.length} events` : `${kept.count} of ${records.length} events`}
        </span>
      </div>
      {search && search.hitCount > 0 && <TextHits search={search} onOpen={(index) => (selection.eventIndex.value = index)} />}
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
                <span class="col-type">
                  <Marked text={row.label} ranges={searchRanges(row.label, search)} />
                </span>
                <span class="col-payload">
                  <Marked text={row.payload} ranges={payloadRanges(row.payload, row.index, search)} />
                </span>
              </div>
            );
          }}
        />
      </div>
      {selectedRecord && <EventInspector record={selectedRecord} findings={entry.findings} search={search} />}
    </div>
  );
}
