// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../state/store.js';
import { capture, renderInStore, textAnswer } from '../test-support/panel-render.js';
import { importInputId } from './Importer.js';
import { Toolbar } from './Toolbar.js';

afterEach(cleanup);

function showToolbar(settingsOpen = false) {
  const calls: string[] = [];
  const store = createStore();
  const rendered = renderInStore(
    <Toolbar
      onClear={() => calls.push('clear')}
      onPreserveLog={(value) => calls.push(`preserve ${value}`)}
      settingsOpen={settingsOpen}
      onToggleSettings={() => calls.push('settings')}
    />,
    store,
  );
  return { calls, ...rendered };
}

describe('Toolbar', () => {
  it('counts the streams and how many are live', () => {
    const { store } = showToolbar();
    expect(screen.getByTestId('stream-count').textContent).toBe('0 streams');
    act(() => {
      capture(store, 'done', [{ at: 1, chunks: textAnswer(['a']) }], { end: { at: 2, outcome: 'complete' } });
    });
    expect(screen.getByTestId('stream-count').textContent).toBe('1 stream');
    act(() => {
      capture(store, 'live', [{ at: 1, chunks: [{ type: 'start' }] }]);
    });
    expect(screen.getByTestId('stream-count').textContent).toBe('2 streams · 1 live');
  });

  it('filters the stream list as the user types', () => {
    const { store } = showToolbar();
    fireEvent.input(screen.getByPlaceholderText('Filter streams (/)'), { target: { value: 'missing-finish' } });
    expect(store.filter.streams.value).toBe('missing-finish');
  });

  it('passes clear, preserve log and the settings toggle to the panel, and opens the import picker', () => {
    const { calls } = showToolbar(true);
    const picker = document.createElement('input');
    picker.type = 'file';
    picker.id = importInputId;
    let opened = 0;
    picker.addEventListener('click', () => opened++);
    document.body.append(picker);

    fireEvent.click(screen.getByLabelText('Clear'));
    fireEvent.click(screen.getByLabelText('Preserve log'));
    fireEvent.click(screen.getByTestId('settings-button'));
    fireEvent.click(screen.getByTestId('import-button'));
    expect(calls).toEqual(['clear', 'preserve true', 'settings']);
    expect(screen.getByTestId('settings-button').getAttribute('aria-pressed')).toBe('true');
    expect(opened).toBe(1);
    picker.remove();
  });
});
