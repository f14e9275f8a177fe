/** The panel's top bar: clear, preserve log, import, the stream filter and the stream count. */
import { useStore } from '../state/store.js';
import { FilterInput } from './FilterInput.js';
import { importInputId } from './Importer.js';

type Props = { onClear(): void; onPreserveLog(value: boolean): void; settingsOpen: boolean; onToggleSettings(): void };

export function Toolbar({ onClear, onPreserveLog, settingsOpen, onToggleSettings }: Props) {
  const { streams, filter, preserveLog } = useStore();
  const total = streams.list.value.length;
  const live = streams.list.value.filter((entry) => entry.status.value === 'live').length;
  return (
    <div class="toolbar" role="toolbar">
      <button type="button" class="icon-button" title="Clear (Ctrl+L)" aria-label="Clear" onClick={onClear}>
        ⊘
      </button>
      <label class="toolbar-check" title="Keep streams when the page navigates">
        <input
          type="checkbox"
          checked={preserveLog.value}
          onChange={(event) => onPreserveLog(event.currentTarget.checked)}
        />
        Preserve log
      </label>
      <button
        type="button"
        class="icon-button"
        title="Import .sse, HAR, decode report or scenario files (or drop them on the panel); kept while this panel is open"
        aria-label="Import"
        data-testid="import-button"
        onClick={() => document.getElementById(importInputId)?.click()}
      >
        ⤒
      </button>
      <span class="toolbar-sep" />
      <FilterInput id="stream-filter" placeholder="Filter streams (/)" value={filter.streams} />
      <span class="toolbar-spacer" />
      <span class="toolbar-stat" data-testid="stream-count">
        {total} {total === 1 ? 'stream' : 'streams'}
        {live > 0 && <span class="live-count"> · {live} live</span>}
      </span>
      <button
        type="button"
        class={`icon-button${settingsOpen ? ' active' : ''}`}
        title="Settings: client version, dialect, stall threshold"
        aria-label="Settings"
        aria-pressed={settingsOpen}
        data-testid="settings-button"
        onClick={onToggleSettings}
      >
        ⚙
      </button>
    </div>
  );
}
