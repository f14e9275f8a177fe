// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeHeartbeat } from '../../../protocol/index.js';
import { createStore } from '../state/store.js';
import { capture, renderInStore } from '../test-support/panel-render.js';
import { streamMeta } from '../test-support/stream-meta.js';
import { TimingView } from './TimingView.js';

afterEach(cleanup);

const startedAt = 1_000_000;

/** A stream that stalls 2.9 s (one heartbeat meanwhile) under a 1 s threshold; the request went out 200 ms before the response. */
function showStalledStream() {
  const store = createStore();
  store.settings.update({ stallMs: 1000 });
  const entry = capture(
    store,
    's1',
    [
      { at: 50, chunks: [{ type: 'start' }] },
      { at: 60, chunks: [{ type: 'text-start', id: 't1' }] },
      { at: 100, chunks: [{ type: 'text-delta', id: 't1', delta: 'Hel' }] },
      { at: 1500, raw: encodeHeartbeat() },
      { at: 3000, chunks: [{ type: 'text-delta', id: 't1', delta: 'lo' }] },
      { at: 3010, chunks: [{ type: 'text-end', id: 't1' }, { type: 'finish' }] },
    ],
    { done: true, end: { at: 3020, outcome: 'complete' }, meta: { startedAt, requestStartedAt: startedAt - 200 } },
  );
  return renderInStore(<TimingView entry={entry} />, store);
}

const stat = (label: string) => screen.getAllByText(label, { selector: '.stat-label' })[0].previousElementSibling?.textContent;

describe('TimingView', () => {
  it('shows first byte and first chunk from the request sent, duration and the longest gap as a stall', () => {
    showStalledStream();
    expect(stat('first byte')).toBe('200 ms');
    expect(stat('first chunk')).toBe('250 ms');
    expect(stat('duration')).toBe('3.02 s');
    expect(stat('longest gap')).toBe('2.90 s');
    expect(screen.getByText('longest gap').parentElement?.className).toContain('warn');
    expect(screen.getByTestId('stall-text').textContent).toBe('Stalled 2.90 s between event #2 and #4; 1 heartbeat meanwhile, which do not end it');
  });

  it('draws chunks and heartbeats in their own lanes, the stall shaded, with a legend', () => {
    showStalledStream();
    expect(screen.getByTestId('timeline-chunks').querySelectorAll('.tl-chunk').length).toBeGreaterThan(0);
    expect(screen.getByTestId('timeline-heartbeats').querySelectorAll('.tl-heartbeat')).toHaveLength(1);
    expect(screen.getAllByTestId('timeline-stall')).toHaveLength(1);
    expect(screen.getByTestId('timeline-wait')).toBeTruthy();
    expect(screen.getAllByTestId('timeline-tick').length).toBeGreaterThanOrEqual(2);
    expect([...screen.getByTestId('timeline-legend').children].map((key) => key.textContent?.trim())).toEqual([
      'chunk',
      'heartbeat / comment',
      'step',
      'stall (click: its event)',
      'waiting for the response',
    ]);
  });

  it('lists the gaps longest first, and a stall or gap jumps to its event', () => {
    const { store } = showStalledStream();
    const [longest] = screen.getAllByTestId('gap-row');
    expect(longest.textContent).toContain('stall');
    expect(within(longest).getAllByTestId('gap-jump').map((link) => link.textContent)).toEqual(['#2', '#4']);

    fireEvent.click(screen.getByTestId('timeline-stall'));
    expect(store.selection.eventIndex.value).toBe(4);
    expect(store.selection.tab.value).toBe('events');
    fireEvent.click(within(longest).getAllByTestId('gap-jump')[0]);
    expect(store.selection.eventIndex.value).toBe(2);
  });

  it('says there is no timing for a stream read whole from the network log', () => {
    const store = createStore();
    const entry = store.streams.addFromNetworkLog(streamMeta(), null)!;
    renderInStore(<TimingView entry={entry} />, store);
    expect(screen.getByTestId('timing').textContent).toContain('No timing for this stream.');
    expect(screen.getByTestId('timing').textContent).toContain('read from the network log');
  });
});
