import { describe, expect, it } from 'vitest';
import { endScrollTop, sameWindow, scrollToReveal, virtualWindow } from './virtual-window.js';

describe('virtual window', () => {
  it('renders only the rows in view plus overscan', () => {
    expect(virtualWindow(100_000, 20, 20_000, 400, 5)).toEqual({ start: 995, end: 1026, offsetTop: 19_900, totalHeight: 2_000_000 });
  });

  it('clamps at both ends and copes with an empty list', () => {
    expect(virtualWindow(10, 20, 0, 400, 5)).toMatchObject({ start: 0, end: 10 });
    expect(virtualWindow(0, 20, 100, 400)).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
  });

  it('scrolls just enough to reveal a row', () => {
    expect(scrollToReveal(5, 20, 0, 200)).toBeNull();
    expect(scrollToReveal(2, 20, 100, 200)).toBe(40);
    expect(scrollToReveal(20, 20, 0, 200)).toBe(220);
  });

  it("a list followed to its end renders the window the browser's own scroll to the end then asks for", () => {
    // the follow sets scrollTop to scrollHeight; the browser clamps it to scrollHeight - clientHeight
    const followed = virtualWindow(1_000, 20, endScrollTop(1_000, 20, 390), 390);
    expect(followed).toMatchObject({ start: 972, end: 1_000 });
    expect(sameWindow(virtualWindow(1_000, 20, 20_000 - 390, 390), followed)).toBe(true);
    // a scroll of a few pixels keeps the rows; one past a row boundary, or more rows, changes them
    expect(sameWindow(virtualWindow(1_000, 20, 100, 390), virtualWindow(1_000, 20, 105, 390))).toBe(true);
    expect(sameWindow(virtualWindow(1_000, 20, 100, 390), virtualWindow(1_000, 20, 120, 390))).toBe(false);
    expect(sameWindow(followed, virtualWindow(1_001, 20, endScrollTop(1_000, 20, 390), 390))).toBe(false);
    expect(endScrollTop(5, 20, 390)).toBe(0);
  });
});
