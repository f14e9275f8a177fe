// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBudgets, type Budgets } from '../../shared/messages.js';
import { createStore } from '../state/store.js';
import { capture, renderInStore, textAnswer } from '../test-support/panel-render.js';
import { megabyte } from '../view-model/budgets.js';
import { SettingsBar } from './SettingsBar.js';

afterEach(cleanup);

function showSettings() {
  const saved: Budgets[] = [];
  const store = createStore();
  return { saved, ...renderInStore(<SettingsBar onBudgets={(budgets) => saved.push(budgets)} />, store) };
}

const field = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

describe('SettingsBar', () => {
  it('changes the client version and stall threshold the streams are judged by', () => {
    const { store } = showSettings();
    fireEvent.change(screen.getByTestId('setting-client'), { target: { value: '5' } });
    fireEvent.change(field('setting-stall'), { target: { value: '2500' } });
    expect(store.settings.current.value).toMatchObject({ client: '5', stallMs: 2500 });
    expect((screen.getByTestId('setting-client') as HTMLSelectElement).value).toBe('5');
  });

  it('shows the dialect the selected stream was read as', () => {
    const { store } = showSettings();
    expect(screen.queryByTestId('detected-dialect')).toBeNull();
    act(() => {
      capture(store, 's1', [{ at: 1, chunks: textAnswer(['hi']) }], { end: { at: 2, outcome: 'complete' } });
      store.selection.selectStream('s1');
    });
    expect(screen.getByTestId('detected-dialect').textContent).toBe('ai-sdk');
  });

  it('says what is wrong with an app schemas file that is not JSON, and keeps none', async () => {
    const { store } = showSettings();
    fireEvent.change(screen.getByTestId('setting-schemas'), { target: { files: [new File(['{ nope'], 'schemas.json', { type: 'application/json' })] } });
    expect((await screen.findByTestId('schemas-problem')).textContent).toMatch(/^not JSON: /);
    expect(store.settings.current.value.schemas).toBeNull();
    expect(screen.queryByTestId('clear-schemas')).toBeNull();
  });
});

describe('BudgetSettings (in the settings bar)', () => {
  it('says no background is connected until one told its budgets', () => {
    showSettings();
    expect(screen.getByTestId('budgets').textContent).toBe('capture budgets: no background connected');
  });

  it('shows the budgets in MB and this tab’s use of its budget', () => {
    const { store } = showSettings();
    act(() => {
      store.capture.budgets.value = { streamBytes: 8 * megabyte, tabBytes: 64 * megabyte, totalBytes: 256 * megabyte };
      store.capture.tabBytes.value = 16 * megabyte;
    });
    expect(['streamBytes', 'tabBytes', 'totalBytes'].map((name) => field(`budget-${name}`).value)).toEqual(['8', '64', '256']);
    expect(screen.getByTestId('tab-usage').textContent).toBe('this tab: 16 MB of 64 MB (25%)');
  });

  it('rejects a bad value with an error naming the field, and sends nothing', () => {
    const { store, saved } = showSettings();
    act(() => void (store.capture.budgets.value = defaultBudgets));
    fireEvent.input(field('budget-tabBytes'), { target: { value: 'lots' } });
    fireEvent.click(screen.getByTestId('budgets-apply'));
    expect(screen.getByRole('alert').textContent).toBe('per tab: "lots" is not a number of MB');
    expect(field('budget-tabBytes').getAttribute('aria-invalid')).toBe('true');
    expect(field('budget-streamBytes').getAttribute('aria-invalid')).toBe('false');
    expect(saved).toEqual([]);
  });

  it('sends valid budgets in bytes, and the defaults on request', () => {
    const { store, saved } = showSettings();
    act(() => void (store.capture.budgets.value = defaultBudgets));
    fireEvent.input(field('budget-streamBytes'), { target: { value: '1.5' } });
    fireEvent.click(screen.getByTestId('budgets-apply'));
    expect(screen.queryByTestId('budgets-problem')).toBeNull();
    expect(saved).toEqual([{ ...defaultBudgets, streamBytes: 1.5 * megabyte }]);
    fireEvent.click(screen.getByTestId('budgets-defaults'));
    expect(saved[1]).toEqual(defaultBudgets);
  });
});
