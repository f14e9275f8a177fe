import { describe, expect, it } from 'vitest';
import { followTheme, pickTheme, type Theme, type ThemeMedia, type ThemePanels } from './theme.js';

describe('pickTheme', () => {
  it('prefers the query, then DevTools, then the system', () => {
    expect(pickTheme('light', 'dark', true)).toBe('light');
    expect(pickTheme(null, 'dark', false)).toBe('dark');
    expect(pickTheme(null, 'default', true)).toBe('light');
    expect(pickTheme('bogus', undefined, true)).toBe('dark');
    expect(pickTheme(null, undefined, false)).toBe('light');
  });
});

function fakeMedia(matches: boolean) {
  const listeners: (() => void)[] = [];
  const media: ThemeMedia & { set(value: boolean): void } = {
    matches,
    addEventListener: (_type, listener) => void listeners.push(listener),
    set(value) {
      (media as { matches: boolean }).matches = value;
      listeners.forEach((listener) => listener());
    },
  };
  return media;
}

describe('followTheme', () => {
  it("follows Chrome's theme change handler live", () => {
    let handler: ((themeName: 'default' | 'dark') => void) | undefined;
    const panels: ThemePanels = { themeName: 'default', setThemeChangeHandler: (next) => (handler = next) };
    const applied: Theme[] = [];
    followTheme(null, panels, fakeMedia(false), (theme) => applied.push(theme));
    handler!('dark');
    handler!('default');
    expect(applied).toEqual(['light', 'dark', 'light']);
  });

  it("follows Firefox's onThemeChanged, and DevTools' theme wins over the system's", () => {
    const listeners: ((themeName: string) => void)[] = [];
    const panels: ThemePanels = { themeName: 'dark', onThemeChanged: { addListener: (listener) => void listeners.push(listener) } };
    const media = fakeMedia(false);
    const applied: Theme[] = [];
    followTheme(null, panels, media, (theme) => applied.push(theme));
    media.set(true);
    listeners.forEach((listener) => listener('light'));
    expect(applied).toEqual(['dark', 'dark', 'light']);
  });

  it('outside DevTools follows the system, and a ?theme= query stays put', () => {
    const media = fakeMedia(false);
    const applied: Theme[] = [];
    followTheme(null, undefined, media, (theme) => applied.push(theme));
    media.set(true);
    expect(applied).toEqual(['light', 'dark']);
    const pinned: Theme[] = [];
    const pinnedMedia = fakeMedia(true);
    followTheme('light', undefined, pinnedMedia, (theme) => pinned.push(theme));
    pinnedMedia.set(false);
    expect(pinned).toEqual(['light', 'light']);
  });
});
