/** The assistant message as the AI SDK client will rebuild it from this stream; the events search marked in its text. */
import { useStore } from '../state/store.js';
import type { StreamEntry } from '../state/stream-entry.js';
import { compactJson } from '../view-model/format.js';
import { messageItems, stepOf } from '../view-model/message-parts.js';
import { queryPattern } from '../view-model/text-ranges.js';
import { PartView } from './PartView.js';
import { useReport } from './use-report.js';

export function MessageView({ entry }: { entry: StreamEntry }) {
  const { filter } = useStore();
  const search = queryPattern(filter.events.value);
  const report = useReport(entry);
  if (!report) return <p class="empty-state">Decoding…</p>;
  const message = report.message;
  const items = messageItems(message);
  const steps = stepOf(items);
  return (
    <div class="message-view" data-testid="message">
      <div class="message-meta">
        <span>
          id <code>{message.id || '—'}</code>
        </span>
        <span>{items.length} parts</span>
        {entry.continues && (
          <span data-testid="continues" title="The chat this request posted ends with the assistant's message: the client goes on with it, as after a tool approval.">
            continues the chat's last message (its first {entry.continues.parts.length} parts came with the request)
          </span>
        )}
        {message.metadata !== undefined && (
          <span title="messageMetadata">
            metadata <code>{compactJson(message.metadata)}</code>
          </span>
        )}
        {entry.status.value === 'live' && <span class="state-label state-live">streaming</span>}
      </div>
      {items.length === 0 && <p class="empty-state">No parts yet.</p>}
      {items.map((item, position) => (
        <PartView key={position} item={item} step={steps[position]} search={search} />
      ))}
    </div>
  );
}
