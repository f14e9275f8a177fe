/** One event in full: the findings about it, its schema issues, the raw SSE lines and the payload. */
import type { EventRecord, Finding } from '../../../protocol/index.js';
import { prettyJson } from '../view-model/format.js';
import { SeverityIcon } from './SeverityCounts.js';

type Props = { record: EventRecord; findings: readonly Finding[] };

export function EventInspector({ record, findings }: Props) {
  const about = findings.filter((finding) => finding.event === record.index);
  return (
    <div class="inspector" data-testid="event-inspector">
      <div class="inspector-title">
        Event {record.index}
        {record.sse.event !== null && <span class="muted"> · event: {record.sse.event}</span>}
        {record.sse.id !== null && <span class="muted"> · id: {record.sse.id}</span>}
      </div>
      {about.map((finding, position) => (
        <div key={position} class={`finding-line sev-${finding.severity}`}>
          <SeverityIcon severity={finding.severity} /> <code>{finding.code}</code> {finding.message}
        </div>
      ))}
      {record.issues.map((issue, position) => (
        <div key={`issue-${position}`} class="finding-line muted">
          <code>{issue.path || '(root)'}</code> {issue.message}
        </div>
      ))}
      <div class="inspector-columns">
        <pre class="code-block" title="raw event">{record.raw}</pre>
        {record.chunk !== undefined && <pre class="code-block" title="parsed payload">{prettyJson(record.chunk)}</pre>}
      </div>
    </div>
  );
}
