/**
 * What streams are judged by — client version, dialect (the detected one as a badge), stall
 * threshold, the app's schemas — and what the capture keeps (its budgets, with this tab's use).
 */
import type { ClientVersion, Dialect } from '../../../protocol/index.js';
import { clientVersions, dialects } from '../../../protocol/index.js';
import { useState } from 'preact/hooks';
import type { Budgets } from '../../shared/messages.js';
import { useStore } from '../state/store.js';
import { BudgetSettings } from './BudgetSettings.js';

export function SettingsBar({ onBudgets }: { onBudgets(budgets: Budgets): void }) {
  const { settings, selectedStream } = useStore();
  const current = settings.current.value;
  const entry = selectedStream.value;
  entry?.revision.value;
  const detected = entry?.summary?.dialect;
  const [schemasProblem, setSchemasProblem] = useState<string | null>(null);

  async function loadSchemas(file: File | undefined): Promise<void> {
    if (file) setSchemasProblem(settings.loadSchemas(await file.text()));
  }

  return (
    <div class="subbar settings-bar" role="group" aria-label="Settings" data-testid="settings">
      <label class="toolbar-check" title="The AI SDK client major version whose behaviour findings describe">
        client
        <select value={current.client} data-testid="setting-client" onChange={(event) => settings.update({ client: event.currentTarget.value as ClientVersion })}>
          {clientVersions.map((version) => (
            <option key={version} value={version}>
              ai {version}
            </option>
          ))}
        </select>
      </label>
      <label class="toolbar-check" title="auto: AI SDK until the stream shows AutoGPT's signs">
        dialect
        <select value={current.dialect} data-testid="setting-dialect" onChange={(event) => settings.update({ dialect: event.currentTarget.value as Dialect | 'auto' })}>
          {(['auto', ...dialects] as const).map((dialect) => (
            <option key={dialect} value={dialect}>
              {dialect}
            </option>
          ))}
        </select>
      </label>
      {detected && (
        <span class="tag" title="The dialect the selected stream was read as" data-testid="detected-dialect">
          {detected}
        </span>
      )}
      <label class="toolbar-check" title="A gap longer than this with no data event is a stall">
        stall after
        <input
          type="number"
          class="filter-input number-input"
          min={100}
          step={500}
          value={current.stallMs}
          data-testid="setting-stall"
          onChange={(event) => settings.update({ stallMs: Number(event.currentTarget.value) })}
        />
        ms
      </label>
      <label class="toolbar-check" title="The app's schemas file: JSON Schemas of tool input/output, data parts and metadata">
        app schemas
        <input type="file" accept=".json,application/json" data-testid="setting-schemas" onChange={(event) => void loadSchemas(event.currentTarget.files?.[0])} />
      </label>
      {current.schemas && (
        <button type="button" class="link-button" data-testid="clear-schemas" onClick={() => settings.update({ schemas: null })}>
          forget schemas
        </button>
      )}
      {schemasProblem && (
        <span class="detail-error" role="alert" data-testid="schemas-problem">
          {schemasProblem}
        </span>
      )}
      <span class="muted">changing one judges every stream again</span>
      <BudgetSettings onSave={onBudgets} />
    </div>
  );
}
