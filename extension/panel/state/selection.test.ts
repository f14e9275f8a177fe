import { describe, expect, it } from 'vitest';
import { createSelectionStore } from './selection.js';

describe('selection store', () => {
  it('selecting another stream forgets the selected event; reselecting keeps it', () => {
    const selection = createSelectionStore();
    selection.selectStream('a');
    selection.eventIndex.value = 4;
    selection.selectStream('a');
    expect(selection.eventIndex.value).toBe(4);
    selection.selectStream('b');
    expect(selection.eventIndex.value).toBeNull();
  });

  it('revealing an event switches to the events view', () => {
    const selection = createSelectionStore();
    selection.tab.value = 'findings';
    selection.revealEvent(7);
    expect(selection.tab.value).toBe('events');
    expect(selection.eventIndex.value).toBe(7);
  });
});
