/// <reference types="chrome" />
/**
 * Light or dark: `?theme=` wins (screenshots, tests), then DevTools' own theme inside DevTools,
 * then the system preference for the standalone page — followed live, so switching DevTools'
 * theme (Settings → Appearance → Theme) recolours the open panel.
 *
 * How DevTools tells a panel (tried in Chromium 156 and documented for Firefox): Chrome calls the
 * handler given to `chrome.devtools.panels.setThemeChangeHandler` with the new `themeName`
 * (`default` or `dark`); Firefox fires `devtools.panels.onThemeChanged`. Chrome also turns the
 * panel frame's `prefers-color-scheme` with its theme, and that media query is what the
 * standalone page (a pop-out window) follows.
 */
export type Theme = 'light' | 'dark';

export function pickTheme(query: string | null, devtoolsTheme: string | undefined, prefersDark: boolean): Theme {
  if (query === 'light' || query === 'dark') return query;
  if (devtoolsTheme !== undefined) return devtoolsTheme === 'dark' ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}

/**
 * What of `devtools.panels` theme following needs: Chrome's (read through the polyfill, which
 * passes methods it does not know through as they are) or Firefox's; absent outside DevTools.
 */
export type ThemePanels = Partial<Pick<typeof chrome.devtools.panels, 'themeName' | 'setThemeChangeHandler'>> & {
  readonly onThemeChanged?: { addListener(listener: (themeName: string) => void): void };
};

export type ThemeMedia = {
  readonly matches: boolean;
  addEventListener(type: 'change', listener: () => void): void;
};

/** Applies the theme now and again whenever DevTools' theme or the system's changes. */
export function followTheme(query: string | null, panels: ThemePanels | undefined, media: ThemeMedia, apply: (theme: Theme) => void): void {
  let devtoolsTheme: string | undefined = panels?.themeName;
  const update = () => apply(pickTheme(query, devtoolsTheme, media.matches));
  const onDevtools = (themeName: string) => {
    devtoolsTheme = themeName;
    update();
  };
  if (panels?.setThemeChangeHandler) panels.setThemeChangeHandler(onDevtools);
  else panels?.onThemeChanged?.addListener(onDevtools);
  media.addEventListener('change', update);
  update();
}
