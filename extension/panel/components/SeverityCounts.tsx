/** Finding counts as coloured badges; severities with no findings are left out. */
import { severities as order } from '../../../protocol/index.js';
import type { SeverityCounts as Counts } from '../view-model/severity.js';

const glyph = { error: '✖', warning: '▲', info: 'ℹ' } as const;

/** `clean` marks a finished stream without findings, so "nothing wrong" reads as a verdict. */
export function SeverityCounts({ counts, clean = false }: { counts: Counts; clean?: boolean }) {
  const empty = order.every((severity) => counts[severity] === 0);
  return (
    <span class="severity-counts">
      {empty && clean && (
        <span class="badge ok" title="no findings">
          ✓
        </span>
      )}
      {order
        .filter((severity) => counts[severity] > 0)
        .map((severity) => (
          <span key={severity} class={`badge sev-${severity}`} title={`${counts[severity]} ${severity}`}>
            {glyph[severity]} {counts[severity]}
          </span>
        ))}
    </span>
  );
}

export function SeverityIcon({ severity }: { severity: keyof typeof glyph }) {
  return (
    <span class={`sev-icon sev-${severity}`} aria-label={severity}>
      {glyph[severity]}
    </span>
  );
}
