/** Panel-wide keyboard shortcuts: which action a key press asks for, if any. */
import { detailTabs, type DetailTab } from '../state/selection.js';

export type ShortcutAction =
  | { kind: 'focus-filter' }
  | { kind: 'clear' }
  | { kind: 'tab'; tab: DetailTab }
  | { kind: 'escape' };

type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; inTextField: boolean };

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if ((press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === 'l') return { kind: 'clear' };
  if (press.key === 'Escape') return { kind: 'escape' };
  if (press.inTextField || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === '/') return { kind: 'focus-filter' };
  const tab = detailTabs[Number(press.key) - 1];
  return /^[1-9]$/.test(press.key) && tab ? { kind: 'tab', tab } : null;
}
