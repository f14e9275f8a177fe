// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { capture, renderInStore, textAnswer } from '../test-support/panel-render.js';
import { StreamList } from './StreamList.js';

afterEach(cleanup);

const chat = (text: string) => JSON.stringify({ messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] });

function rows() {
  return screen.getAllByTestId('stream-row');
}

describe('StreamList', () => {
  it('says there are no streams yet when none was captured', () => {
    renderInStore(<StreamList />);
    expect(screen.getByTestId('stream-list').textContent).toContain('No streams yet.');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('lists each stream with its prompt, method, status, state, events and worst finding', () => {
    const { store } = renderInStore(<StreamList />);
    act(() => {
      capture(store, 'ok', [{ at: 5, chunks: textAnswer(['Hel', 'lo']) }], { done: true, end: { at: 20, outcome: 'complete' }, meta: { requestBody: chat('weather in Berlin?') } });
    capture(store, 'cut', [{ at: 5, chunks: [{ type: 'start' }, { type: 'text-start', id: 't1' }] }], { end: { at: 30, outcome: 'complete' }, meta: { url: 'http://127.0.0.1:8787/api/other' } });
    capture(store, 'bad', [], { meta: { status: 500, statusText: 'Internal Server Error', url: 'http://127.0.0.1:8787/api/down' }, end: { at: 1, outcome: 'error' } });
    });

    const [ok, cut, bad] = rows();
    expect(rows()).toHaveLength(3);
    expect(within(ok).getByTestId('stream-prompt').textContent).toBe('weather in Berlin?');
    expect(ok.textContent).toContain('POST');
    expect(ok.querySelector('.col-status')?.textContent).toBe('200');
    expect(within(ok).getByTestId('stream-state').textContent).toBe('finished');
    expect(ok.querySelector('.col-events')?.textContent).toBe('7');
    expect(within(ok).getByTitle('no findings').textContent).toBe('✓');

    expect(cut.querySelector('.col-path')?.textContent).toBe('/api/other');
    expect(within(cut).getByTestId('stream-state').textContent).toBe('errored');
    expect(within(cut).getByTestId('stream-worst').textContent).toContain('missing-finish');

    expect(bad.querySelector('.col-status')?.className).toContain('bad');
    expect(bad.querySelector('.col-status')?.textContent).toBe('500');
    expect(bad.dataset.state).toBe('errored');
  });

  it('shows a live stream as live, then stuck once it is silent past the stall threshold', () => {
    const { store } = renderInStore(<StreamList />);
    const startedAt = 1_000_000;
    act(() => {
      capture(store, 'live', [{ at: 10, chunks: [{ type: 'start' }] }], { meta: { startedAt } });
      store.streams.tickLive(startedAt + 100);
    });
    expect(within(rows()[0]).getByTestId('stream-state').textContent).toBe('live');

    act(() => store.streams.tickLive(startedAt + store.settings.current.value.stallMs + 100));
    expect(within(rows()[0]).getByTestId('stream-state').textContent).toBe('stuck');
  });

  it('selects the clicked stream and marks its row selected; the filter hides the others', () => {
    const { store } = renderInStore(<StreamList />);
    act(() => {
      capture(store, 'a', [{ at: 1, chunks: textAnswer(['a']) }], { end: { at: 2, outcome: 'complete' }, meta: { url: 'http://127.0.0.1:8787/api/alpha' } });
    capture(store, 'b', [{ at: 1, chunks: textAnswer(['b']) }], { end: { at: 2, outcome: 'complete' }, meta: { url: 'http://127.0.0.1:8787/api/beta' } });
    });

    fireEvent.click(rows()[1]);
    expect(store.selection.streamId.value).toBe('b');
    expect(rows().map((row) => row.getAttribute('aria-selected'))).toEqual(['false', 'true']);

    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'ArrowUp' });
    expect(store.selection.streamId.value).toBe('a');

    act(() => void (store.filter.streams.value = 'beta'));
    expect(rows().map((row) => row.querySelector('.col-path')?.textContent)).toEqual(['/api/beta']);
  });
});
