import { describe, expect, it } from 'vitest';
import { PANEL_PORT_PREFIX } from '../extension/shared/hops.js';
import { detailTabs } from '../extension/panel/state/selection.js';
import { panelPortPrefix, panelViews } from './panel-view.js';

describe('panel view', () => {
  it('names the detail views in the order of the panel\'s tabs', () => {
    expect(panelViews).toEqual(detailTabs);
  });

  it('connects to the background as a panel does', () => {
    expect(panelPortPrefix).toBe(PANEL_PORT_PREFIX);
  });
});
