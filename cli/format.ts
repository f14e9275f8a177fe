/** Plain-text renderings of decode results: the event table, finding lines, GitHub annotations. */
import { isToolPart, type DecodeReport, type EventRecord, type Finding, type Severity, type UIMessagePart } from '../protocol/index.js';
import { toJson } from '../protocol/json-text.js';

const clip = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const pad = (text: string, width: number): string => clip(text, width).padEnd(width);
const ms = (value: number | null): string => (value === null ? '' : `${value.toFixed(0)}ms`);
/** JSON for a one-line preview (values nested too deep for JSON.stringify included). */
const preview = (value: unknown, width: number): string => clip(toJson(value) ?? '', width);

function payloadOf(record: EventRecord, width: number): string {
  if (record.kind === 'comment') return `: ${record.comment ?? ''}`;
  if (record.kind === 'done') return '[DONE]';
  if (record.kind === 'chunk' || record.kind === 'invalid-chunk' || record.kind === 'unknown-type') {
    const { type: _type, ...fields } = record.chunk as Record<string, unknown>;
    return preview(fields, width);
  }
  return record.raw.replace(/\n/g, '⏎');
}

export function formatFinding(finding: Finding): string {
  const where = finding.event === null ? 'stream' : `event ${finding.event}`;
  return `${pad(finding.severity, 8)}${pad(finding.code, 27)}${pad(where, 11)}${finding.message}`;
}

function describePart(part: UIMessagePart): string {
  if (part.type === 'text' || part.type === 'reasoning') return `${part.type} (${String(part.state)}): ${JSON.stringify(clip(String(part.text), 200))}`;
  if (part.type === 'step-start') return 'step-start';
  if (isToolPart(part)) {
    const detail = part.state === 'output-error' ? ` error ${JSON.stringify(part.errorText)}` : part.output === undefined ? '' : ` → ${preview(part.output, 120)}`;
    return `${part.type} ${String(part.toolCallId)} (${String(part.state)}) ${preview(part.input, 120)}${detail}`;
  }
  return `${part.type} ${preview(part, 160)}`;
}

export const tableHeader = `${pad('#', 6)}${pad('at', 9)}${pad('kind', 14)}${pad('type', 22)}payload\n`;

/** One row of the event table; `codes` are the findings already known for the event. */
export function formatRow(record: EventRecord, codes: readonly string[], columns: number): string {
  const marks = codes.map((code) => ` ← ${code}`).join('');
  const payloadWidth = Math.max(30, columns - 46);
  return `${pad(String(record.index), 6)}${pad(ms(record.at), 9)}${pad(record.kind, 14)}${pad(record.type ?? '', 22)}${clip(payloadOf(record, payloadWidth), payloadWidth)}${marks}\n`;
}

/** What follows the table: the summary, the findings and the message as the client rebuilds it. */
export function formatClosing(report: DecodeReport): string {
  const { summary } = report;
  const lines = [
    '',
    `${summary.events} events, ${summary.chunks} chunks, ${summary.comments} comments · dialect ${summary.dialect} · ` +
      `finish ${summary.finished ? 'yes' : 'no'} · [DONE] ${summary.done ? 'yes' : 'no'}` +
      (summary.durationMs === null ? '' : ` · first chunk ${ms(summary.firstChunkMs)} · duration ${ms(summary.durationMs)}`) +
      (summary.usage ? ` · usage ${JSON.stringify(summary.usage)}` : ''),
    '',
    report.findings.length === 0 ? 'No findings.' : `Findings (${report.findings.length}):`,
    ...report.findings.map((finding) => `  ${formatFinding(finding)}`),
    '',
    `Message ${JSON.stringify(report.message.id)} as the client rebuilds it (${report.message.parts.length} parts):`,
    ...report.message.parts.map((part) => `  ${describePart(part)}`),
  ];
  return `${lines.join('\n')}\n`;
}

const annotationLevel: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
// GitHub's workflow-command escaping: data escapes %, CR and LF; property values also : and ,.
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * A GitHub Actions annotation (`::error file=…,line=…,title=…::message`) for one finding of the
 * input `name`, kept in `file` (a HAR holds several: the message names which).
 */
export function formatAnnotation(finding: Finding, { name, file }: { name: string; file: string }, line: number | null): string {
  const where = `${name === file ? '' : `${name}, `}${finding.event === null ? 'the stream' : `event ${finding.event}`}`;
  const properties = [`file=${escapeProperty(file)}`, ...(line === null ? [] : [`line=${line}`]), `title=${escapeProperty(`streamscope ${finding.code}`)}`];
  return `::${annotationLevel[finding.severity]} ${properties.join(',')}::${escapeData(`${finding.code} (${where}): ${finding.message}`)}\n`;
}

export type Totals = { files: number; unreadable: number; failing: number; bySeverity: Record<Severity, number> };

export const emptyTotals = (): Totals => ({ files: 0, unreadable: 0, failing: 0, bySeverity: { error: 0, warning: 0, info: 0 } });

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The line that ends `lint` and `decode` output: every input counted, so CI logs say it all. */
export function formatTotals(totals: Totals, failOn: Severity | null): string {
  const { error, warning, info } = totals.bySeverity;
  const parts = [`${plural(totals.files, 'file')} read`, `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info`];
  if (failOn !== null) parts.push(`${plural(totals.failing, 'file')} with findings at or above ${failOn}`);
  if (totals.unreadable > 0) parts.push(`${plural(totals.unreadable, 'input')} could not be read`);
  return `${parts.join(' · ')}\n`;
}
