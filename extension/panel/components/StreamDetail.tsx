/** The selected stream: its request line, then one of the detail views. */
import { useStore } from '../state/store.js';
import type { StreamEntry } from '../state/stream-entry.js';
import { streamRow } from '../view-model/stream-row.js';
import { EventsView } from './EventsView.js';
import { FindingsView } from './FindingsView.js';
import { MessageView } from './MessageView.js';
import { SeverityCounts } from './SeverityCounts.js';
import { TabBar } from './TabBar.js';
import { TimingView } from './TimingView.js';

function DetailHeader({ entry }: { entry: StreamEntry }) {
  entry.revision.value;
  const row = streamRow(entry.meta, entry.status.value, entry.findings, entry.records.length, entry.decoded);
  return (
    <div class="detail-header" data-testid="detail-header">
      <span class={`state-dot state-${row.state}`} />
      <span class="col-method">{row.method}</span>
      <span class="detail-url" title={row.url}>
        {row.url}
      </span>
      <span class="detail-status">{row.status}</span>
      <span class={`state-label state-${row.state}`}>{row.state}</span>
      {entry.error && <span class="detail-error">{entry.error}</span>}
      {row.note && (
        <span class="note" data-testid="stream-note">
          {row.note}
        </span>
      )}
      <SeverityCounts counts={row.counts} clean={row.clean} />
    </div>
  );
}

export function StreamDetail() {
  const { selectedStream, selection } = useStore();
  const entry = selectedStream.value;
  if (!entry) {
    return (
      <div class="detail empty-state">
        <p>Select a stream to see its events, findings, message and timing.</p>
        <p class="muted">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>1</kbd>–<kbd>4</kbd> switch view · <kbd>/</kbd> filter · <kbd>Ctrl</kbd>+<kbd>L</kbd> clear
        </p>
      </div>
    );
  }
  const tab = selection.tab.value;
  return (
    <div class="detail" data-testid="stream-detail">
      <DetailHeader entry={entry} />
      <TabBar entry={entry} />
      <div class="detail-body">
        {tab === 'events' && <EventsView key={entry.id} entry={entry} />}
        {tab === 'findings' && <FindingsView entry={entry} />}
        {tab === 'message' && <MessageView entry={entry} />}
        {tab === 'timing' && <TimingView entry={entry} />}
      </div>
    </div>
  );
}
