import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts.js';

const press = (key: string, extra: Partial<Parameters<typeof shortcutFor>[0]> = {}) =>
  shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, inTextField: false, ...extra });

describe('shortcuts', () => {
  it('maps keys to actions', () => {
    expect(press('/')).toEqual({ kind: 'focus-filter' });
    expect(press('3')).toEqual({ kind: 'tab', tab: 'message' });
    expect(press('l', { ctrlKey: true })).toEqual({ kind: 'clear' });
    expect(press('L', { metaKey: true })).toEqual({ kind: 'clear' });
    expect(press('Escape', { inTextField: true })).toEqual({ kind: 'escape' });
  });

  it('leaves typing and unbound keys alone', () => {
    expect(press('/', { inTextField: true })).toBeNull();
    expect(press('2', { inTextField: true })).toBeNull();
    expect(press('9')).toBeNull();
    expect(press('x')).toBeNull();
  });
});
