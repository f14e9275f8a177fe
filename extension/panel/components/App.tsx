/** The panel: toolbar, stream list on the left, a draggable split, the selected stream on the right. */
import { useEffect, useState } from 'preact/hooks';
import type { Budgets } from '../../shared/messages.js';
import { useStore } from '../state/store.js';
import { shortcutFor } from '../view-model/shortcuts.js';
import { Importer } from './Importer.js';
import { SettingsBar } from './SettingsBar.js';
import { Splitter } from './Splitter.js';
import { StreamDetail } from './StreamDetail.js';
import { StreamList } from './StreamList.js';
import { Toolbar } from './Toolbar.js';

export type PanelActions = {
  /** Clears the panel and tells the capture side to forget the tab's streams. */
  clear(): void;
  setPreserveLog(value: boolean): void;
  /** Asks the background to keep bytes by these budgets from now on. */
  setBudgets(budgets: Budgets): void;
};

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Lists, buttons and the splitter handle arrows or Enter themselves. */
function handlesKeys(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role=listbox], [role=separator], button, a, summary') !== null;
}

export function App({ actions, problem }: { actions: PanelActions; problem: string | null }) {
  const store = useStore();
  const { selection, layout } = store;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inTextField: isTextField(event.target),
        inList: handlesKeys(event.target),
      });
      if (!action) return;
      if (action.kind === 'escape') {
        if (isTextField(event.target)) (event.target as HTMLInputElement).blur();
        else selection.eventIndex.value = null;
        return;
      }
      event.preventDefault();
      if (action.kind === 'clear') actions.clear();
      else if (action.kind === 'tab') selection.showTab(action.tab);
      else if (action.kind === 'move') store.moveSelection(action.by);
      else if (action.kind === 'open') document.querySelector<HTMLElement>('.tab.active')?.focus();
      else document.getElementById('stream-filter')?.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [actions, store]);

  const [settingsOpen, setSettingsOpen] = useState(false);
  const width = layout.listWidth.value;
  return (
    <div class="app">
      <Toolbar onClear={actions.clear} onPreserveLog={actions.setPreserveLog} settingsOpen={settingsOpen} onToggleSettings={() => setSettingsOpen(!settingsOpen)} />
      {settingsOpen && <SettingsBar onBudgets={actions.setBudgets} />}
      <Importer />
      {problem && (
        <div class="banner" role="status">
          {problem}
        </div>
      )}
      <div class="split">
        <div class="stream-list" style={width === null ? undefined : { width: `${width}px`, flexBasis: `${width}px` }}>
          <StreamList />
        </div>
        <Splitter />
        <StreamDetail />
      </div>
    </div>
  );
}
