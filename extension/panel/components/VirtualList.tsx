/**
 * A fixed-row-height virtual list: only the rows in view (plus a few) are in the DOM, so a stream
 * of 100,000 events scrolls like one of ten. Arrow keys, Home/End and PageUp/PageDown move the
 * selection; the selected row is scrolled into view.
 */
import type { ComponentChildren, TargetedEvent, TargetedKeyboardEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { endScrollTop, sameWindow, scrollToReveal, virtualWindow, type VirtualWindow } from '../view-model/virtual-window.js';
import { useClientSize } from './use-client-size.js';

type Props = {
  count: number;
  rowHeight: number;
  /** Position of the selected row, or null. */
  selected: number | null;
  onSelect(position: number): void;
  renderRow(position: number): ComponentChildren;
  /** Keep the last row in view while rows are appended and the user is at the bottom. */
  follow?: boolean;
  label: string;
  testId?: string;
};

function nextPosition(key: string, current: number | null, count: number, page: number): number | null {
  const at = current ?? -1;
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return Math.min(count - 1, at + 1);
    case 'ArrowUp':
    case 'k':
      return Math.max(0, at - 1);
    case 'PageDown':
      return Math.min(count - 1, at + page);
    case 'PageUp':
      return Math.max(0, at - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function VirtualList({ count, rowHeight, selected, onSelect, renderRow, follow = false, label, testId }: Props) {
  const [viewport, height] = useClientSize<HTMLDivElement>('clientHeight', 400);
  // Where the viewport is scrolled, and the window last rendered: a scroll event renders again
  // only when it brings other rows into view (following the live end scrolls, but the render that
  // appended the rows already drew the end, so the list's own scroll costs no second render).
  const scrollTop = useRef(0);
  const shown = useRef<VirtualWindow | null>(null);
  const [, setRenders] = useState(0);
  const atBottom = useRef(true);
  const following = follow && atBottom.current && selected === null;

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element || selected === null) return;
    const target = scrollToReveal(selected, rowHeight, element.scrollTop, element.clientHeight);
    if (target !== null) element.scrollTop = target;
  }, [selected, rowHeight]);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element || !following) return;
    element.scrollTop = element.scrollHeight;
    scrollTop.current = element.scrollTop;
  }, [count, following]);

  function onScroll(event: TargetedEvent<HTMLDivElement>): void {
    const element = event.currentTarget;
    atBottom.current = element.scrollTop + element.clientHeight >= element.scrollHeight - rowHeight;
    scrollTop.current = element.scrollTop;
    if (!shown.current || !sameWindow(virtualWindow(count, rowHeight, element.scrollTop, height), shown.current)) setRenders((renders) => renders + 1);
  }

  function onKeyDown(event: TargetedKeyboardEvent<HTMLDivElement>): void {
    if (count === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const next = nextPosition(event.key, selected, count, Math.max(1, Math.floor(height / rowHeight) - 1));
    if (next === null) return;
    event.preventDefault();
    onSelect(next);
  }

  const range = virtualWindow(count, rowHeight, following ? endScrollTop(count, rowHeight, height) : scrollTop.current, height);
  shown.current = range;
  const rows: ComponentChildren[] = [];
  for (let position = range.start; position < range.end; position++) rows.push(renderRow(position));

  return (
    <div
      class="virtual-list"
      ref={viewport}
      tabIndex={0}
      role="listbox"
      aria-label={label}
      data-testid={testId}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: `${range.totalHeight}px`, position: 'relative' }}>
        <div style={{ transform: `translateY(${range.offsetTop}px)` }}>{rows}</div>
      </div>
    </div>
  );
}
