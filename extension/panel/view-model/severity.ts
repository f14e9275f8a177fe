/** Finding counts and the worst severity per event, for badges and row colours. */
import { compareSeverity, type Finding, type Severity } from '../../../protocol/index.js';

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function worseSeverity(a: Severity | undefined, b: Severity): Severity {
  return a !== undefined && compareSeverity(a, b) <= 0 ? a : b;
}

/** Event index → the worst severity of the findings that point at it. */
export function severityByEvent(findings: readonly Finding[]): ReadonlyMap<number, Severity> {
  const byEvent = new Map<number, Severity>();
  for (const finding of findings) {
    if (finding.event === null) continue;
    byEvent.set(finding.event, worseSeverity(byEvent.get(finding.event), finding.severity));
  }
  return byEvent;
}

/** Worst first, then in stream order; stream-wide findings (no event) after those of an event. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => compareSeverity(a.severity, b.severity) || (a.event ?? Infinity) - (b.event ?? Infinity),
  );
}
