import { describe, expect, it } from 'vitest';
import { compareSeverity, severities, type Severity } from './report.js';

describe('severity order', () => {
  it('sorts worst first and compares equal severities as equal', () => {
    const shuffled: Severity[] = ['info', 'error', 'warning', 'error'];
    expect([...shuffled].sort(compareSeverity)).toEqual(['error', 'error', 'warning', 'info']);
    expect(severities.every((severity) => compareSeverity(severity, severity) === 0)).toBe(true);
  });
});
