/** The split between the stream list and the detail, as the user dragged it, kept across sessions. */
import { signal, type Signal } from '@preact/signals';
import type { SettingsStorage } from './settings.js';

export type LayoutStore = {
  /** Width of the stream list in px; null: the default (a share of the panel). */
  readonly listWidth: Signal<number | null>;
  setListWidth(px: number): void;
};

const storageKey = 'streamscope:list-width';
export const listWidthBounds = { min: 160, max: 900 } as const;

export function clampListWidth(px: number, panelWidth: number): number {
  // the detail keeps at least 240 px, so every tab stays reachable
  const max = Math.min(listWidthBounds.max, Math.max(listWidthBounds.min, panelWidth - 240));
  return Math.round(Math.min(max, Math.max(listWidthBounds.min, px)));
}

export function createLayoutStore(storage?: SettingsStorage): LayoutStore {
  const stored = Number(storage?.getItem(storageKey) ?? NaN);
  const listWidth = signal<number | null>(Number.isFinite(stored) && stored > 0 ? stored : null);
  return {
    listWidth,
    setListWidth(px) {
      listWidth.value = px;
      storage?.setItem(storageKey, String(px));
    },
  };
}
