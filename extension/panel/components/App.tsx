/** The panel: toolbar, stream list on the left, the selected stream on the right. */
import { useEffect } from 'preact/hooks';
import { useStore } from '../state/store.js';
import { shortcutFor } from '../view-model/shortcuts.js';
import { StreamDetail } from './StreamDetail.js';
import { StreamList } from './StreamList.js';
import { Toolbar } from './Toolbar.js';

export type PanelActions = {
  /** Clears the panel and tells the capture side to forget the tab's streams. */
  clear(): void;
  setPreserveLog(value: boolean): void;
};

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

export function App({ actions, problem }: { actions: PanelActions; problem: string | null }) {
  const { selection } = useStore();

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inTextField: isTextField(event.target),
      });
      if (!action) return;
      if (action.kind === 'escape') {
        if (isTextField(event.target)) (event.target as HTMLInputElement).blur();
        else selection.eventIndex.value = null;
        return;
      }
      event.preventDefault();
      if (action.kind === 'clear') actions.clear();
      else if (action.kind === 'tab') selection.tab.value = action.tab;
      else document.getElementById('stream-filter')?.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [actions, selection]);

  return (
    <div class="app">
      <Toolbar onClear={actions.clear} onPreserveLog={actions.setPreserveLog} />
      {problem && (
        <div class="banner" role="status">
          {problem}
        </div>
      )}
      <div class="split">
        <StreamList />
        <StreamDetail />
      </div>
    </div>
  );
}
