import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../protocol/index.js';
import { countBySeverity, severityByEvent, sortFindings } from './severity.js';

const findings: Finding[] = [
  { code: 'missing-done', severity: 'info', event: null, message: '' },
  { code: 'extra-field', severity: 'warning', event: 2, message: '' },
  { code: 'unknown-type', severity: 'error', event: 2, message: '' },
  { code: 'missing-finish', severity: 'error', event: null, message: '' },
  { code: 'stall', severity: 'warning', event: 1, message: '' },
];

describe('severity', () => {
  it('counts findings by severity', () => {
    expect(countBySeverity(findings)).toEqual({ error: 2, warning: 2, info: 1 });
  });

  it('keeps the worst severity per event and skips stream-wide findings', () => {
    expect([...severityByEvent(findings)].sort()).toEqual([
      [1, 'warning'],
      [2, 'error'],
    ]);
  });

  it('sorts worst first, then by event, stream-wide last within a severity', () => {
    expect(sortFindings(findings).map((finding) => finding.code)).toEqual([
      'unknown-type',
      'missing-finish',
      'stall',
      'extra-field',
      'missing-done',
    ]);
  });
});
