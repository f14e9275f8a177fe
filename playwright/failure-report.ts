/** What a failing matcher prints about a stream: where it came from, then the CLI's decode table. */
import { formatReport } from '../cli/format.js';
import type { DecodeReport } from '../protocol/index.js';
import type { CapturedStream } from './captured-stream.js';

/** Events shown around a cut in long streams. */
const edgeRows = 20;

function shortened(report: DecodeReport): DecodeReport {
  if (report.events.length <= edgeRows * 2) return report;
  return { ...report, events: [...report.events.slice(0, edgeRows), ...report.events.slice(-edgeRows)] };
}

export function describeStream(stream: CapturedStream): string {
  const state = stream.live ? 'live' : `ended (${stream.outcome})`;
  return `stream ${stream.index} — ${stream.method} ${stream.url} → ${stream.status}, ${state}`;
}

export function failureReport(stream: CapturedStream, report: DecodeReport = stream.report()): string {
  const cut = report.events.length > edgeRows * 2 ? `(events ${edgeRows}–${report.events.length - edgeRows - 1} left out)\n` : '';
  return `${describeStream(stream)}\n${cut}${formatReport(shortened(report))}`;
}
