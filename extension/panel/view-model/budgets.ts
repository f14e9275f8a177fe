/**
 * The capture budgets as the settings bar shows and edits them: sizes in MB (1 MB = 1,048,576
 * bytes), checked before they are sent, so a bad value gets an error saying which field and why
 * rather than the background's silent clamp.
 */
import { limits, type Budgets } from '../../shared/messages.js';

export const megabyte = 1024 * 1024;

export const budgetFields = ['streamBytes', 'tabBytes', 'totalBytes'] as const;
export type BudgetField = (typeof budgetFields)[number];

export const budgetLabels: Record<BudgetField, string> = { streamBytes: 'per stream', tabBytes: 'per tab', totalBytes: 'all tabs' };

/** What the user typed in each field, in MB. */
export type BudgetsInput = Record<BudgetField, string>;

export type BudgetsParse = { ok: true; budgets: Budgets } | { ok: false; field: BudgetField; problem: string };

const minMb = limits.budgetMinBytes / megabyte;
const maxMb = limits.budgetMaxBytes / megabyte;

/** `12.5 MB`, `512 kB`, `300 B`: binary units, three significant digits at most. */
export function formatBytes(bytes: number): string {
  if (bytes >= megabyte * 1024) return `${Number((bytes / (megabyte * 1024)).toPrecision(3))} GB`;
  if (bytes >= megabyte) return `${Number((bytes / megabyte).toPrecision(3))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toPrecision(3))} kB`;
  return `${bytes} B`;
}

/** Budgets as the fields show them: MB without needless decimals. */
export function budgetsInput(budgets: Budgets): BudgetsInput {
  const mb = (bytes: number) => String(Number((bytes / megabyte).toFixed(2)));
  return { streamBytes: mb(budgets.streamBytes), tabBytes: mb(budgets.tabBytes), totalBytes: mb(budgets.totalBytes) };
}

/** Reads the three fields: each a number of MB in range, and a stream's budget within its tab's, a tab's within the total. */
export function parseBudgets(input: BudgetsInput): BudgetsParse {
  const budgets = {} as Budgets;
  for (const field of budgetFields) {
    const text = input[field].trim();
    const mb = Number(text);
    if (text === '' || !Number.isFinite(mb)) return { ok: false, field, problem: `${budgetLabels[field]}: "${text}" is not a number of MB` };
    if (mb < minMb || mb > maxMb) return { ok: false, field, problem: `${budgetLabels[field]}: ${text} MB is outside ${minMb}–${maxMb.toLocaleString('en')} MB` };
    budgets[field] = Math.round(mb * megabyte);
  }
  if (budgets.streamBytes > budgets.tabBytes) return { ok: false, field: 'streamBytes', problem: `per stream (${input.streamBytes.trim()} MB) cannot exceed per tab (${input.tabBytes.trim()} MB)` };
  if (budgets.tabBytes > budgets.totalBytes) return { ok: false, field: 'tabBytes', problem: `per tab (${input.tabBytes.trim()} MB) cannot exceed all tabs (${input.totalBytes.trim()} MB)` };
  return { ok: true, budgets };
}

/** The tab's use against its budget, e.g. `12.5 MB of 128 MB (9%)`. */
export function tabUsage(bytes: number, budget: number): string {
  return `${formatBytes(bytes)} of ${formatBytes(budget)} (${Math.min(100, Math.floor((bytes / budget) * 100))}%)`;
}
