// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../state/store.js';
import { capture, renderInStore, textAnswer, type Arrival, type CaptureOptions } from '../test-support/panel-render.js';
import { FindingsView } from './FindingsView.js';

afterEach(cleanup);

function showFindings(arrivals: readonly Arrival[], options: CaptureOptions) {
  const store = createStore();
  const entry = capture(store, 's1', arrivals, options);
  return renderInStore(<FindingsView entry={entry} />, store);
}

const findings = () => screen.getAllByTestId('finding');

describe('FindingsView', () => {
  it('says the client accepts a clean stream, and that a live one has none so far', () => {
    showFindings([{ at: 1, chunks: textAnswer(['ok']) }], { done: true, end: { at: 2, outcome: 'complete' } });
    expect(screen.getByTestId('findings').textContent).toBe('No findings: the AI SDK client accepts this stream.');
    cleanup();
    showFindings([{ at: 1, chunks: [{ type: 'start' }] }], {});
    expect(screen.getByTestId('findings').textContent).toBe('No findings so far.');
  });

  it('lists findings worst first, with code, message and event; one about the whole stream cannot be clicked', () => {
    showFindings([{ at: 1, chunks: [{ type: 'start' }, { type: 'text-delta', id: 'ghost', delta: 'x' }] }], { end: { at: 2, outcome: 'complete' } });
    const [worst, ...rest] = findings();
    expect(worst.className).toContain('sev-error');
    expect(worst.querySelector('.finding-code')?.textContent).toBe('orphan-delta');
    expect(worst.querySelector('.finding-event')?.textContent).toBe('#1');
    expect(worst.querySelector('.finding-message')?.textContent).not.toBe('');
    const missingFinish = rest.find((finding) => finding.querySelector('.finding-code')?.textContent === 'missing-finish');
    expect(missingFinish?.querySelector('.finding-event')?.textContent).toBe('stream');
    expect((missingFinish as HTMLButtonElement).disabled).toBe(true);
  });

  it('jumps to the finding’s event in the Events view when clicked', () => {
    const { store } = showFindings([{ at: 1, chunks: [{ type: 'start' }, { type: 'text-delta', id: 'ghost', delta: 'x' }] }], { end: { at: 2, outcome: 'complete' } });
    store.selection.showTab('findings');
    fireEvent.click(findings()[0]);
    expect(store.selection.eventIndex.value).toBe(1);
    expect(store.selection.tab.value).toBe('events');
  });
});
