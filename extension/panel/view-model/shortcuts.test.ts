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
    expect(press('5')).toEqual({ kind: 'tab', tab: 'request' });
    expect(press('ArrowDown')).toEqual({ kind: 'move', by: 1 });
    expect(press('ArrowUp')).toEqual({ kind: 'move', by: -1 });
    expect(press('Enter')).toEqual({ kind: 'open' });
  });

  it('leaves typing and unbound keys alone', () => {
    expect(press('/', { inTextField: true })).toBeNull();
    expect(press('2', { inTextField: true })).toBeNull();
    expect(press('9')).toBeNull();
    expect(press('x')).toBeNull();
    expect(press('ArrowDown', { inTextField: true })).toBeNull();
    expect(press('ArrowDown', { inList: true })).toBeNull();
    expect(press('Enter', { inList: true })).toBeNull();
  });
});
