/** One stream in the list; re-renders on its own when its stream grows. */
import { formatMs } from '../view-model/format.js';
import { stateTitles, type StreamRow } from '../view-model/stream-row.js';
import { SeverityIcon } from './SeverityCounts.js';

type Props = { row: StreamRow; selected: boolean; onClick(): void };

export function StreamListRow({ row, selected, onClick }: Props) {
  return (
    <div
      class={`row stream-row${selected ? ' selected' : ''}${row.muted ? ' muted-row' : ''}`}
      role="option"
      aria-selected={selected}
      title={[row.prompt, row.url, row.note, row.truncation].filter(Boolean).join('\n')}
      data-testid="stream-row"
      data-state={row.state}
      data-settled={row.settled ? 'true' : 'false'}
      onClick={onClick}
    >
      <span class={`state-dot state-${row.state}`} title={`${row.state}: ${stateTitles[row.state]}`} />
      <span class="col-time">{row.started}</span>
      <span class="col-method">{row.method}</span>
      <span class="col-path">
        {row.prompt ? (
          <>
            <span class="prompt" data-testid="stream-prompt">
              {row.prompt}
            </span>{' '}
            <span class="muted path-after">{row.path}</span>
          </>
        ) : (
          row.path
        )}
      </span>
      {row.transportTag && (
        <span class="tag" title={row.note ?? undefined}>
          {row.transportTag}
        </span>
      )}
      {row.truncation && (
        <span class="badge sev-warning" title={row.truncation} data-testid="stream-truncated">
          truncated
        </span>
      )}
      <span class={`col-status${/^[45]/.test(row.status) ? ' bad' : ''}`}>{row.status}</span>
      <span class={`col-state state-label state-${row.state}`} data-testid="stream-state">
        {row.state}
      </span>
      <span class="col-duration">{formatMs(row.durationMs)}</span>
      <span class="col-events" title="events">
        {row.events}
      </span>
      <span class="col-findings" data-testid="stream-worst">
        {row.worst ? (
          <span class={`sev-${row.worst.severity}`} title={`${row.counts.error} errors, ${row.counts.warning} warnings, ${row.counts.info} info`}>
            <SeverityIcon severity={row.worst.severity} /> {row.worst.code}
            {row.counts.error + row.counts.warning + row.counts.info > 1 && (
              <span class="muted"> +{row.counts.error + row.counts.warning + row.counts.info - 1}</span>
            )}
          </span>
        ) : (
          row.clean && (
            <span class="badge ok" title="no findings">
              ✓
            </span>
          )
        )}
      </span>
    </div>
  );
}
