/** Panel-wide keyboard shortcuts: which action a key press asks for, if any. */
import { detailTabs, type DetailTab } from '../state/selection.js';

export type ShortcutAction =
  | { kind: 'focus-filter' }
  | { kind: 'clear' }
  | { kind: 'tab'; tab: DetailTab }
  | { kind: 'escape' }
  /** ↑/↓ move the stream selection from anywhere outside a list or text field. */
  | { kind: 'move'; by: 1 | -1 }
  /** Enter opens the selected stream's detail (focuses its tab bar). */
  | { kind: 'open' };

type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  inTextField: boolean;
  /** The focus is in a list (or a control) that handles arrows and Enter itself. */
  inList?: boolean;
};

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if ((press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === 'l') return { kind: 'clear' };
  if (press.key === 'Escape') return { kind: 'escape' };
  if (press.inTextField || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === '/') return { kind: 'focus-filter' };
  if (!press.inList && (press.key === 'ArrowDown' || press.key === 'ArrowUp')) return { kind: 'move', by: press.key === 'ArrowDown' ? 1 : -1 };
  if (!press.inList && press.key === 'Enter') return { kind: 'open' };
  const tab = detailTabs[Number(press.key) - 1];
  return /^[1-9]$/.test(press.key) && tab ? { kind: 'tab', tab } : null;
}
