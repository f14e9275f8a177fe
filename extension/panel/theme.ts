/// <reference types="chrome" />
/**
 * Light or dark: `?theme=` wins (screenshots, tests), then DevTools' own theme inside DevTools,
 * then the system preference for the standalone page.
 */
export type Theme = 'light' | 'dark';

export function pickTheme(query: string | null, devtoolsTheme: string | undefined, prefersDark: boolean): Theme {
  if (query === 'light' || query === 'dark') return query;
  if (devtoolsTheme !== undefined) return devtoolsTheme === 'dark' ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}
