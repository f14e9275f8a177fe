/**
 * The capture budgets: bytes kept per stream, per tab and in total, metadata counted at its real
 * size. A setting the panel can change (`set-budgets`, schema in `shared/messages.ts`); defaults
 * in the limits table (`defaultBudgets`). One tab's use never makes room by dropping another tab's streams.
 */
import type { Budgets, StreamMeta } from '../shared/messages.js';

/** A stream's budget never exceeds its tab's, nor a tab's the total. */
export function consistentBudgets(budgets: Budgets): Budgets {
  const totalBytes = budgets.totalBytes;
  const tabBytes = Math.min(budgets.tabBytes, totalBytes);
  return { totalBytes, tabBytes, streamBytes: Math.min(budgets.streamBytes, tabBytes) };
}

/** What a stream's metadata costs: its size as stored. */
export function metaBytes(meta: StreamMeta): number {
  return JSON.stringify(meta).length;
}

export type Use = { stream: number; tab: number; total: number };
export type Refusal = 'stream' | 'tab' | 'total';

/** Which budget `size` more bytes would break, or null when they fit. */
export function refusal(budgets: Budgets, use: Use, size: number): Refusal | null {
  if (use.stream + size > budgets.streamBytes) return 'stream';
  if (use.tab + size > budgets.tabBytes) return 'tab';
  if (use.total + size > budgets.totalBytes) return 'total';
  return null;
}

export function truncationNote(refused: Refusal | 'relay'): string {
  switch (refused) {
    case 'stream':
      return 'truncated: the stream reached its size budget';
    case 'tab':
      return "truncated: the tab's capture reached its size budget";
    case 'total':
      return 'truncated: the capture of all tabs reached its size budget';
    case 'relay':
      return 'truncated: the page sent bytes faster than the extension could take them';
  }
}
