/**
 * One event in full: the findings about it, its schema issues, the raw SSE lines (cut past a few
 * thousand characters, with "show all") and the payload as a lazy JSON tree; copy either. Search
 * matches are marked in both, the part of a delta a rebuilt-text match covers included.
 */
import { useState } from 'preact/hooks';
import type { EventRecord, Finding } from '../../../protocol/index.js';
import { searchRanges, type EventSearch } from '../view-model/event-search.js';
import { prettyJson } from '../view-model/format.js';
import { rangesInJson, type Range } from '../view-model/text-ranges.js';
import { JsonTree, type JsonMarker } from './JsonTree.js';
import { Marked } from './Marked.js';
import { copyText } from './save.js';
import { SeverityIcon } from './SeverityCounts.js';

type Props = { record: EventRecord; findings: readonly Finding[]; search: EventSearch | null };

const rawCut = 4000;

/** Marks in the JSON tree: direct matches, and the delta's covered part in its own field. */
function jsonMarker(search: EventSearch | null, index: number): JsonMarker | undefined {
  if (!search) return undefined;
  const delta = search.deltaMarks.get(index);
  return (text, path) => {
    const direct = searchRanges(text, search);
    return delta && path?.length === 1 && path[0] === delta.field ? [...direct, ...delta.ranges] : direct;
  };
}

export function EventInspector({ record, findings, search }: Props) {
  const [allRaw, setAllRaw] = useState(false);
  const about = findings.filter((finding) => finding.event === record.index);
  const cut = !allRaw && record.raw.length > rawCut;
  const raw = cut ? `${record.raw.slice(0, rawCut)}…` : record.raw;
  const delta = search?.deltaMarks.get(record.index);
  const rawRanges: Range[] = [...searchRanges(raw, search), ...(delta ? rangesInJson(raw, delta.field, delta.delta, delta.ranges) : [])];
  return (
    <div class="inspector" data-testid="event-inspector">
      <div class="inspector-title">
        Event {record.index}
        {record.sse.event !== null && <span class="muted"> · event: {record.sse.event}</span>}
        {record.sse.id !== null && <span class="muted"> · id: {record.sse.id}</span>}
        <button type="button" class="link-button" data-testid="copy-raw" onClick={() => void copyText(record.raw)}>
          copy raw frame
        </button>
        {record.chunk !== undefined && (
          <button type="button" class="link-button" data-testid="copy-json" onClick={() => void copyText(prettyJson(record.chunk))}>
            copy JSON
          </button>
        )}
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
        <pre class="code-block" title="raw event" data-testid="event-raw">
          <Marked text={raw} ranges={rawRanges} />
          {cut && (
            <button type="button" class="link-button" onClick={() => setAllRaw(true)}>
              show all {record.raw.length.toLocaleString()} characters
            </button>
          )}
        </pre>
        {record.chunk !== undefined && <JsonTree key={record.index} value={record.chunk} mark={jsonMarker(search, record.index)} testId="event-json" />}
      </div>
    </div>
  );
}
