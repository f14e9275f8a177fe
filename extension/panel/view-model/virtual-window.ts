/** Which rows of a fixed-row-height list to render for a scroll position. */

export type VirtualWindow = { start: number; end: number; offsetTop: number; totalHeight: number };

export function virtualWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan = 8,
): VirtualWindow {
  const totalHeight = count * rowHeight;
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

/** The scrollTop of a list scrolled to its end (what the browser clamps `scrollHeight` to). */
export function endScrollTop(count: number, rowHeight: number, viewportHeight: number): number {
  return Math.max(0, count * rowHeight - viewportHeight);
}

/** Whether two windows put the same rows in the same place: rendering the second would change nothing. */
export function sameWindow(a: VirtualWindow, b: VirtualWindow): boolean {
  return a.start === b.start && a.end === b.end && a.offsetTop === b.offsetTop && a.totalHeight === b.totalHeight;
}

/** The scrollTop that brings row `position` into view, or null when it already is. */
export function scrollToReveal(position: number, rowHeight: number, scrollTop: number, viewportHeight: number): number | null {
  const top = position * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return null;
}
