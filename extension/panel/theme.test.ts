import { describe, expect, it } from 'vitest';
import { pickTheme } from './theme.js';

describe('pickTheme', () => {
  it('prefers the query, then DevTools, then the system', () => {
    expect(pickTheme('light', 'dark', true)).toBe('light');
    expect(pickTheme(null, 'dark', false)).toBe('dark');
    expect(pickTheme(null, 'default', true)).toBe('light');
    expect(pickTheme('bogus', undefined, true)).toBe('dark');
    expect(pickTheme(null, undefined, false)).toBe('light');
  });
});
