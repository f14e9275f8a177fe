import type { Signal } from '@preact/signals';
import type { ScenarioSummary } from '../../../protocol/scenarios/schema.js';


export function ScenarioPicker({ scenarios, selected }: { scenarios: ScenarioSummary[]; selected: Signal<string> }) {
  const current = scenarios.find((scenario) => scenario.name === selected.value);
  return (
    <>
      <label>
        Scenario{' '}
        <select data-testid="scenario-select" value={selected.value} onChange={(event) => (selected.value = event.currentTarget.value)}>
          {scenarios.map((scenario) => (
            <option key={scenario.name} value={scenario.name}>
              {scenario.name}
            </option>
          ))}
        </select>
      </label>
      {current && (
        <div class="scenario-info" data-testid="scenario-info">
          {current.description} <code>{current.dialect}</code>{' '}
          {current.expect.length ? `expected findings: ${current.expect.join(', ')}` : 'healthy'}
        </div>
      )}
    </>
  );
}
