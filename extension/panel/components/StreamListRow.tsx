/** One stream in the list; re-renders on its own when its stream grows. */
import type { StreamEntry } from '../state/stream-entry.js';
import { streamRow } from '../view-model/stream-row.js';
import { SeverityCounts } from './SeverityCounts.js';

type Props = { entry: StreamEntry; selected: boolean; onClick(): void };

export function StreamListRow({ entry, selected, onClick }: Props) {
  entry.revision.value;
  const row = streamRow(entry.meta, entry.status.value, entry.findings, entry.records.length, entry.decoded);
  return (
    <div
      class={`row stream-row${selected ? ' selected' : ''}`}
      role="option"
      aria-selected={selected}
      title={row.note ? `${row.url}\n${row.note}` : row.url}
      data-testid="stream-row"
      data-state={row.state}
      onClick={onClick}
    >
      <span class={`state-dot state-${row.state}`} title={row.state} />
      <span class="col-method">{row.method}</span>
      <span class="col-path">{row.path}</span>
      {row.transportTag && (
        <span class="tag" title={row.note ?? undefined}>
          {row.transportTag}
        </span>
      )}
      <span class={`col-status${/^[45]/.test(row.status) ? ' bad' : ''}`}>{row.status}</span>
      <span class="col-events" title="events">
        {row.events}
      </span>
      <span class="col-findings">
        <SeverityCounts counts={row.counts} clean={row.clean} />
      </span>
    </div>
  );
}
