// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeHeartbeat } from '../../../protocol/index.js';
import { createStore } from '../state/store.js';
import { capture, renderInStore, textAnswer, type Arrival, type CaptureOptions } from '../test-support/panel-render.js';
import { EventsView } from './EventsView.js';

afterEach(cleanup);

const hostile = '<img src=x onerror="globalThis.pwned=1">';

function showStream(arrivals: readonly Arrival[], options: CaptureOptions) {
  const store = createStore();
  const entry = capture(store, 's1', arrivals, options);
  return renderInStore(<EventsView entry={entry} />, store);
}

const rows = () => screen.getAllByTestId('event-row');
const cell = (row: HTMLElement, column: string) => row.querySelector(`.col-${column}`)?.textContent;

describe('EventsView', () => {
  it('lists every event with its index, time, type and payload', () => {
    showStream([{ at: 3, chunks: textAnswer(['Hel']) }, { at: 9, chunks: [], raw: encodeHeartbeat() }], { done: true, end: { at: 12, outcome: 'complete' } });
    expect(screen.getByTestId('events-count').textContent).toBe('7 events');
    expect(rows().map((row) => cell(row, 'type'))).toEqual(['start', 'text-start', 'text-delta', 'text-end', 'finish', 'comment', '[DONE]']);
    expect(cell(rows()[2], 'index')).toBe('2');
    expect(cell(rows()[2], 'at')).toBe('3.0');
    expect(cell(rows()[2], 'payload')).toContain('"delta":"Hel"');
  });

  it('renders hostile text in a delta as text: no element is created from it', () => {
    showStream([{ at: 1, chunks: textAnswer([hostile]) }], { end: { at: 2, outcome: 'complete' } });
    fireEvent.click(rows()[2]);
    const inspector = screen.getByTestId('event-inspector');
    expect(cell(rows()[2], 'payload')).toContain('<img src=x');
    expect(screen.getByTestId('event-raw').textContent).toContain(hostile.replace(/"/g, '\\"'));
    expect(within(screen.getByTestId('event-json')).getAllByText((text) => text.includes('<img src=x')).length).toBeGreaterThan(0);
    expect(document.querySelector('img')).toBeNull();
    expect(inspector.querySelector('[onerror]')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('opens the clicked event in the inspector: its findings, raw frame and JSON tree', () => {
    const { store } = showStream([{ at: 1, chunks: [{ type: 'start' }, { type: 'text-delta', id: 'nope', delta: 'x' }] }], { end: { at: 2, outcome: 'complete' } });
    expect(screen.queryByTestId('event-inspector')).toBeNull();
    fireEvent.click(rows()[1]);
    expect(store.selection.eventIndex.value).toBe(1);
    expect(rows()[1].getAttribute('aria-selected')).toBe('true');
    const inspector = screen.getByTestId('event-inspector');
    expect(inspector.textContent).toContain('Event 1');
    expect(inspector.querySelector('.finding-line code')?.textContent).toBe('orphan-delta');
    expect(screen.getByTestId('event-raw').textContent).toBe('data: {"type":"text-delta","id":"nope","delta":"x"}');

    const tree = screen.getByTestId('event-json');
    expect(tree.textContent).toContain('"nope"');
    const [root] = within(tree).getAllByRole('button', { expanded: true });
    fireEvent.click(root);
    expect(tree.textContent).not.toContain('"nope"');
  });

  it('searches events, marks matches, and keeps only flagged events when asked', () => {
    const { store } = showStream([{ at: 1, chunks: [...textAnswer(['Ber', 'lin']), { type: 'text-delta', id: 'ghost', delta: 'x' }] }], { end: { at: 2, outcome: 'complete' } });
    fireEvent.input(screen.getByPlaceholderText('Search events and text'), { target: { value: 'Berlin' } });
    expect(store.filter.events.value).toBe('Berlin');
    expect(screen.getByTestId('events-count').textContent).toBe('2 of 7 events');
    expect(rows().map((row) => row.querySelector('.col-payload mark')?.textContent)).toEqual(['Ber', 'lin']);

    act(() => void (store.filter.events.value = ''));
    fireEvent.click(screen.getByLabelText('Flagged only'));
    expect(rows().map((row) => cell(row, 'index'))).toEqual(['6']);
    expect(rows()[0].className).toContain('flagged-error');
  });
});
