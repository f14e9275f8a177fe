/** The selected stream: a one-line header, then one of the detail views. */
import { useState } from 'preact/hooks';
import { useStore } from '../state/store.js';
import type { StreamEntry } from '../state/stream-entry.js';
import { capNotes } from '../view-model/cap-notes.js';
import { formatMs } from '../view-model/format.js';
import { entryRow, stateTitles } from '../view-model/stream-row.js';
import { EventsView } from './EventsView.js';
import { ExportBar } from './ExportBar.js';
import { FindingsView } from './FindingsView.js';
import { MessageView } from './MessageView.js';
import { RequestView } from './RequestView.js';
import { SeverityCounts } from './SeverityCounts.js';
import { TabBar } from './TabBar.js';
import { TimingView } from './TimingView.js';

/** Long errors and notes stay one cut line in the header; a click shows the text whole below it. */
function DetailHeader({ entry }: { entry: StreamEntry }) {
  const { streams, settings } = useStore();
  const [shown, setShown] = useState<string | null>(null);
  const row = entryRow(entry, streams.clock.value, settings.current.value.stallMs);
  const cut = (text: string, className: string, testId: string) => (
    <button type="button" class={`cut ${className}`} title={text} data-testid={testId} aria-expanded={shown === text} onClick={() => setShown(shown === text ? null : text)}>
      {text}
    </button>
  );
  return (
    <>
      <div class="detail-header" data-testid="detail-header">
        <span class={`state-dot state-${row.state}`} />
        <span class="col-method">{row.method}</span>
        <span class="detail-url" title={row.url}>
          {row.url}
        </span>
        <span class="detail-status">{row.status}</span>
        <span class={`state-label state-${row.state}`} title={stateTitles[row.state]} data-testid="detail-state">
          {row.state}
        </span>
        <span class="muted">{formatMs(row.durationMs)}</span>
        {entry.error && cut(entry.error, 'detail-error', 'detail-error')}
        {row.note && cut(row.note, 'note', 'stream-note')}
        <SeverityCounts counts={row.counts} clean={row.clean} />
      </div>
      {shown && (
        <div class="detail-more" data-testid="detail-more">
          {shown}
        </div>
      )}
    </>
  );
}

/** What the capture budgets and the panel's caps left out of this stream, in words. */
function CapNotes({ entry }: { entry: StreamEntry }) {
  entry.revision.value;
  const notes = capNotes({
    eventsKept: entry.records.length,
    droppedEvents: entry.droppedEvents,
    bytesNotKept: entry.bytesNotKept,
    truncation: entry.truncation,
    live: entry.status.value === 'live',
  });
  if (notes.length === 0) return null;
  return (
    <div class="banner cap-note" role="status" data-testid="cap-note">
      {notes.join(' ')}
    </div>
  );
}

export function StreamDetail() {
  const { selectedStream, selection } = useStore();
  const entry = selectedStream.value;
  if (!entry) {
    return (
      <div class="detail empty-state">
        <p>Select a stream to see its events, findings, message, timing and request.</p>
        <p class="muted">
          <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>1</kbd>–<kbd>5</kbd> switch view · <kbd>/</kbd> filter · <kbd>Ctrl</kbd>+<kbd>L</kbd> clear
        </p>
      </div>
    );
  }
  const tab = selection.tab.value;
  return (
    <div class="detail" data-testid="stream-detail">
      <DetailHeader entry={entry} />
      <CapNotes entry={entry} />
      <ExportBar key={entry.id} entry={entry} />
      <TabBar entry={entry} />
      <div class="detail-body">
        {tab === 'events' && <EventsView key={entry.id} entry={entry} />}
        {tab === 'findings' && <FindingsView entry={entry} />}
        {tab === 'message' && <MessageView entry={entry} />}
        {tab === 'timing' && <TimingView entry={entry} />}
        {tab === 'request' && <RequestView entry={entry} />}
      </div>
    </div>
  );
}
