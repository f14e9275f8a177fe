/**
 * The capture budgets in the settings bar: bytes kept per stream, per tab and across tabs, in MB,
 * checked before they are sent (a bad value gets an error naming the field), stored by the
 * background and applied to bytes captured from then on; beside them, how much of its budget this
 * tab's capture holds.
 */
import { useState } from 'preact/hooks';
import { defaultBudgets, type Budgets } from '../../shared/messages.js';
import { useStore } from '../state/store.js';
import { budgetFields, budgetLabels, budgetsInput, parseBudgets, tabUsage, type BudgetField, type BudgetsInput } from '../view-model/budgets.js';

type Props = { onSave(budgets: Budgets): void };

export function BudgetSettings({ onSave }: Props) {
  const { capture } = useStore();
  const budgets = capture.budgets.value;
  const tabBytes = capture.tabBytes.value;
  // what the user is typing; null shows the background's budgets as they are
  const [draft, setDraft] = useState<BudgetsInput | null>(null);
  const [problem, setProblem] = useState<{ field: BudgetField; text: string } | null>(null);
  if (!budgets) {
    return (
      <span class="muted" data-testid="budgets">
        capture budgets: no background connected
      </span>
    );
  }
  const shown = draft ?? budgetsInput(budgets);

  function save(input: BudgetsInput): void {
    const parsed = parseBudgets(input);
    if (!parsed.ok) return setProblem({ field: parsed.field, text: parsed.problem });
    setProblem(null);
    setDraft(null);
    onSave(parsed.budgets);
  }

  return (
    <form
      class="budget-settings"
      aria-label="Capture budgets"
      data-testid="budgets"
      onSubmit={(event) => {
        event.preventDefault();
        // what the fields hold now, even if typing has not re-rendered yet
        const form = new FormData(event.currentTarget);
        save(Object.fromEntries(budgetFields.map((field) => [field, String(form.get(field) ?? '')])) as BudgetsInput);
      }}
    >
      <span title="Bytes the extension keeps of captured streams, metadata counted (1 MB = 1,048,576 bytes). Past a budget a stream is marked truncated; the page still gets every byte.">
        keep
      </span>
      {budgetFields.map((field) => (
        <label key={field} class="toolbar-check">
          {budgetLabels[field]}
          <input
            type="text"
            name={field}
            inputMode="decimal"
            class="filter-input number-input"
            value={shown[field]}
            aria-invalid={problem?.field === field}
            data-testid={`budget-${field}`}
            onInput={(event) => setDraft({ ...shown, [field]: event.currentTarget.value })}
          />
          MB
        </label>
      ))}
      <button type="submit" class="link-button" data-testid="budgets-apply" title="Applies to bytes captured from now on; what is kept stays">
        apply
      </button>
      <button type="button" class="link-button" data-testid="budgets-defaults" onClick={() => save(budgetsInput(defaultBudgets))}>
        defaults
      </button>
      {tabBytes !== null && (
        <span class="muted" title="What this tab's capture holds (metadata counted) against its per-tab budget" data-testid="tab-usage">
          this tab: {tabUsage(tabBytes, budgets.tabBytes)}
        </span>
      )}
      {problem && (
        <span class="detail-error" role="alert" data-testid="budgets-problem">
          {problem.text}
        </span>
      )}
    </form>
  );
}
