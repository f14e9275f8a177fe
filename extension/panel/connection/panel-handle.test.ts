import { describe, expect, it } from 'vitest';
import { streamMeta } from '../test-support/stream-meta.js';
import { createStore } from '../state/store.js';
import { offerDevtools, offerPanel, type LinkWindow, type PanelHandle } from './panel-handle.js';

const meta = streamMeta({ transport: 'network-log', url: 'http://127.0.0.1/sse', method: 'GET', startedAt: 1 });

describe('panel ↔ DevTools page link', () => {
  for (const order of ['panel first', 'devtools first'] as const) {
    it(`links whichever side comes first (${order}), once`, () => {
      const target = {} as LinkWindow;
      const store = createStore();
      const attached: PanelHandle[] = [];
      const devtools = { attach: (panel: PanelHandle) => attached.push(panel) };
      if (order === 'panel first') offerPanel(target, store);
      offerDevtools(target, devtools);
      if (order === 'devtools first') offerPanel(target, store);
      offerDevtools(target, devtools);
      expect(attached).toHaveLength(1);
      attached[0].addNetworkLogStreams([{ meta, body: 'data: {"type":"start"}\n\n' }]);
      expect(store.streams.list.value.map((entry) => entry.records.length)).toEqual([1]);
    });
  }
});
