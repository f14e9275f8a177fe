/**
 * The capture budgets the background applies (bytes kept per stream, per tab, across tabs) and how
 * much of its budget this tab's capture holds. The background owns and stores them: the panel shows
 * what it last said and asks for changes (`set-budgets`).
 */
import { signal, type Signal } from '@preact/signals';
import type { Budgets } from '../../shared/messages.js';

export type CaptureBudgetsStore = {
  /** Null until the background said (or with no background to ask). */
  readonly budgets: Signal<Budgets | null>;
  /** Bytes this tab's capture holds, metadata counted; null until the background said. */
  readonly tabBytes: Signal<number | null>;
};

export function createCaptureBudgetsStore(): CaptureBudgetsStore {
  return { budgets: signal(null), tabBytes: signal(null) };
}
