import { describe, expect, it } from 'vitest';
import { budgetsSchema, defaultBudgets } from '../../shared/messages.js';
import { budgetsInput, formatBytes, megabyte, parseBudgets, tabUsage } from './budgets.js';

describe('capture budgets in the settings', () => {
  it('shows the defaults in MB and reads them back unchanged', () => {
    const input = budgetsInput(defaultBudgets);
    expect(input).toEqual({ streamBytes: '64', tabBytes: '128', totalBytes: '512' });
    expect(parseBudgets(input)).toEqual({ ok: true, budgets: defaultBudgets });
  });

  it('takes decimals and spaces, and what it accepts the background accepts', () => {
    const parsed = parseBudgets({ streamBytes: ' 1.5 ', tabBytes: '2', totalBytes: '2048' });
    expect(parsed).toEqual({ ok: true, budgets: { streamBytes: 1.5 * megabyte, tabBytes: 2 * megabyte, totalBytes: 2048 * megabyte } });
    expect(parsed.ok && budgetsSchema.safeParse(parsed.budgets).success).toBe(true);
  });

  it('names the field and says why for a bad value', () => {
    const base = budgetsInput(defaultBudgets);
    expect(parseBudgets({ ...base, tabBytes: 'lots' })).toEqual({ ok: false, field: 'tabBytes', problem: 'per tab: "lots" is not a number of MB' });
    expect(parseBudgets({ ...base, streamBytes: '' })).toMatchObject({ ok: false, field: 'streamBytes', problem: 'per stream: "" is not a number of MB' });
    expect(parseBudgets({ ...base, streamBytes: '0.5' })).toEqual({ ok: false, field: 'streamBytes', problem: 'per stream: 0.5 MB is outside 1–2,048 MB' });
    expect(parseBudgets({ ...base, totalBytes: '4096' })).toMatchObject({ ok: false, field: 'totalBytes' });
    expect(parseBudgets({ ...base, totalBytes: 'Infinity' })).toMatchObject({ ok: false, field: 'totalBytes' });
  });

  it('refuses a stream budget above its tab\'s, and a tab budget above the total', () => {
    expect(parseBudgets({ streamBytes: '200', tabBytes: '128', totalBytes: '512' })).toEqual({
      ok: false,
      field: 'streamBytes',
      problem: 'per stream (200 MB) cannot exceed per tab (128 MB)',
    });
    expect(parseBudgets({ streamBytes: '64', tabBytes: '600', totalBytes: '512' })).toMatchObject({ ok: false, field: 'tabBytes' });
  });

  it('says how much of its budget the tab holds', () => {
    expect(formatBytes(300)).toBe('300 B');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(12.34 * megabyte)).toBe('12.3 MB');
    expect(formatBytes(2048 * megabyte)).toBe('2 GB');
    expect(tabUsage(32 * megabyte, 128 * megabyte)).toBe('32 MB of 128 MB (25%)');
    expect(tabUsage(130 * megabyte, 128 * megabyte)).toBe('130 MB of 128 MB (100%)');
  });
});
