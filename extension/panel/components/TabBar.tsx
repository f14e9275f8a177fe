/** The detail views of a stream, with the counts that make each worth opening. */
import { severities } from '../../../protocol/index.js';
import { useStore } from '../state/store.js';
import { detailTabs, type DetailTab } from '../state/selection.js';
import type { StreamEntry } from '../state/stream-entry.js';
import { countBySeverity } from '../view-model/severity.js';

const titles: Record<DetailTab, string> = { events: 'Events', findings: 'Findings', message: 'Message', timing: 'Timing', request: 'Request' };

export function TabBar({ entry }: { entry: StreamEntry }) {
  const { selection } = useStore();
  entry.revision.value;
  const counts = countBySeverity(entry.findings);
  const worst = severities.find((severity) => counts[severity] > 0) ?? null;
  const badge: Partial<Record<DetailTab, { text: string; class: string }>> = {
    events: { text: String(entry.records.length), class: '' },
    findings: { text: String(entry.findings.length), class: worst ? `sev-${worst}` : '' },
  };
  return (
    <div class="tab-bar" role="tablist">
      {detailTabs.map((tab, position) => (
        <button
          key={tab}
          type="button"
          role="tab"
          class={`tab${selection.tab.value === tab ? ' active' : ''}`}
          aria-selected={selection.tab.value === tab}
          title={`${titles[tab]} (${position + 1})`}
          onClick={() => selection.showTab(tab)}
        >
          {titles[tab]}
          {badge[tab] && <span class={`tab-count ${badge[tab].class}`}>{badge[tab].text}</span>}
        </button>
      ))}
    </div>
  );
}
