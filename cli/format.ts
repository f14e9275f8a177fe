/** Plain-text renderings of a decode report for the terminal. */
import type { DecodeReport, EventRecord, Finding, UIMessagePart } from '../protocol/index.js';

const clip = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
const pad = (text: string, width: number): string => clip(text, width).padEnd(width);
const ms = (value: number | null): string => (value === null ? '' : `${value.toFixed(0)}ms`);

function payloadOf(record: EventRecord): string {
  if (record.kind === 'comment') return `: ${record.comment ?? ''}`;
  if (record.kind === 'done') return '[DONE]';
  if (record.kind === 'chunk' || record.kind === 'invalid-chunk' || record.kind === 'unknown-type') {
    const { type: _type, ...fields } = record.chunk as Record<string, unknown>;
    return JSON.stringify(fields);
  }
  return record.raw.replace(/\n/g, '⏎');
}

export function formatFinding(finding: Finding): string {
  const where = finding.event === null ? 'stream' : `event ${finding.event}`;
  return `${pad(finding.severity, 8)}${pad(finding.code, 27)}${pad(where, 11)}${finding.message}`;
}

function describePart(part: UIMessagePart): string {
  switch (part.type) {
    case 'text':
    case 'reasoning':
      return `${part.type} (${String(part.state)}): ${JSON.stringify(clip(String(part.text), 200))}`;
    case 'step-start':
      return 'step-start';
    default:
      if (part.type.startsWith('tool-') || part.type === 'dynamic-tool') {
        const detail = part.state === 'output-error' ? ` error ${JSON.stringify(part.errorText)}` : part.output === undefined ? '' : ` → ${clip(JSON.stringify(part.output), 120)}`;
        return `${part.type} ${String(part.toolCallId)} (${String(part.state)}) ${clip(JSON.stringify(part.input) ?? '', 120)}${detail}`;
      }
      return `${part.type} ${clip(JSON.stringify(part), 160)}`;
  }
}

export function formatReport(report: DecodeReport, columns = 120): string {
  const lines: string[] = [];
  const flagged = new Map<number, Finding[]>();
  for (const finding of report.findings) if (finding.event !== null) flagged.set(finding.event, [...(flagged.get(finding.event) ?? []), finding]);
  const payloadWidth = Math.max(30, columns - 46);
  lines.push(`${pad('#', 6)}${pad('at', 9)}${pad('kind', 14)}${pad('type', 22)}payload`);
  for (const record of report.events) {
    const marks = (flagged.get(record.index) ?? []).map((finding) => ` ← ${finding.code}`).join('');
    lines.push(`${pad(String(record.index), 6)}${pad(ms(record.at), 9)}${pad(record.kind, 14)}${pad(record.type ?? '', 22)}${clip(payloadOf(record), payloadWidth)}${marks}`);
  }
  const { summary } = report;
  lines.push('');
  lines.push(
    `${summary.events} events, ${summary.chunks} chunks, ${summary.comments} comments · dialect ${summary.dialect} · ` +
      `finish ${summary.finished ? 'yes' : 'no'} · [DONE] ${summary.done ? 'yes' : 'no'}` +
      (summary.durationMs === null ? '' : ` · first chunk ${ms(summary.firstChunkMs)} · duration ${ms(summary.durationMs)}`) +
      (summary.usage ? ` · usage ${JSON.stringify(summary.usage)}` : ''),
  );
  lines.push('');
  lines.push(report.findings.length === 0 ? 'No findings.' : `Findings (${report.findings.length}):`);
  for (const finding of report.findings) lines.push(`  ${formatFinding(finding)}`);
  lines.push('');
  lines.push(`Message ${JSON.stringify(report.message.id)} as the client rebuilds it (${report.message.parts.length} parts):`);
  for (const part of report.message.parts) lines.push(`  ${describePart(part)}`);
  return `${lines.join('\n')}\n`;
}
