/** What is wrong with the stream, worst first; clicking a finding jumps to its event. */
import { useStore } from '../state/store.js';
import type { StreamEntry } from '../state/stream-entry.js';
import { sortFindings } from '../view-model/severity.js';
import { SeverityIcon } from './SeverityCounts.js';

export function FindingsView({ entry }: { entry: StreamEntry }) {
  const { selection } = useStore();
  entry.revision.value;
  const findings = sortFindings(entry.findings);
  if (findings.length === 0) {
    return (
      <div class="empty-state" data-testid="findings">
        <p>
          {entry.status.value === 'live'
            ? 'No findings so far.'
            : entry.decoded
              ? 'No findings: the AI SDK client accepts this stream.'
              : 'Nothing to judge: the body of this stream is not available.'}
        </p>
      </div>
    );
  }
  return (
    <div class="findings" data-testid="findings">
      {findings.map((finding, position) => (
        <button
          key={position}
          type="button"
          class={`finding sev-${finding.severity}`}
          data-testid="finding"
          disabled={finding.event === null}
          title={finding.event === null ? 'About the stream as a whole' : `Show event ${finding.event}`}
          onClick={() => finding.event !== null && selection.revealEvent(finding.event)}
        >
          <SeverityIcon severity={finding.severity} />
          <code class="finding-code">{finding.code}</code>
          <span class="finding-message">{finding.message}</span>
          <span class="finding-event">{finding.event === null ? 'stream' : `#${finding.event}`}</span>
        </button>
      ))}
    </div>
  );
}
