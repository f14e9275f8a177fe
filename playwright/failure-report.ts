/** What a failing matcher prints about a stream: where it came from, then the CLI's decode table. */
import { formatClosing, formatRow, tableHeader } from '../cli/format.js';
import type { DecodeReport, EventRecord } from '../protocol/index.js';
import type { CapturedStream } from './captured-stream.js';

/** Events shown at each end of a long stream. */
const edgeRows = 20;
const columns = 120;

function rows(report: DecodeReport): string {
  const codes = (record: EventRecord) => report.findings.filter((finding) => finding.event === record.index).map((finding) => finding.code);
  const { events } = report;
  const shown = events.length <= edgeRows * 2 ? [events] : [events.slice(0, edgeRows), events.slice(-edgeRows)];
  const cut = `… events ${edgeRows}–${events.length - edgeRows - 1} left out …\n`;
  return shown.map((part) => part.map((record) => formatRow(record, codes(record), columns)).join('')).join(cut);
}

export function describeStream(stream: CapturedStream): string {
  const state = stream.live ? 'live' : `ended (${stream.outcome})`;
  return `stream ${stream.index} — ${stream.method} ${stream.url} → ${stream.status}, ${state}`;
}

export function failureReport(stream: CapturedStream, report: DecodeReport = stream.report()): string {
  return `${describeStream(stream)}\n${tableHeader}${rows(report)}${formatClosing(report)}`;
}
