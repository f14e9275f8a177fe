/** One part of the reassembled message. */
import type { PartItem } from '../view-model/message-parts.js';
import { prettyJson } from '../view-model/format.js';
import { matchRanges } from '../view-model/text-ranges.js';
import { Marked } from './Marked.js';

function StateTag({ state }: { state: string | null }) {
  return state ? <span class={`part-state state-${state}`}>{state}</span> : null;
}

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === undefined) return null;
  return (
    <div class="part-field">
      <span class="part-field-label">{label}</span>
      <pre class="code-block">{prettyJson(value)}</pre>
    </div>
  );
}

/** `search`: the events search, whose matches are marked in text and reasoning (null: none). */
export function PartView({ item, step, search = null }: { item: PartItem; step: number; search?: RegExp | null }) {
  switch (item.kind) {
    case 'step':
      return <div class="part-step">step {step}</div>;
    case 'text':
    case 'reasoning':
      return (
        <div class={`part part-${item.kind}`} data-testid={`part-${item.kind}`}>
          <div class="part-head">
            {item.kind} <StateTag state={item.state} />
          </div>
          <div class="part-text">
            <Marked text={item.text} ranges={matchRanges(item.text, search)} />
          </div>
        </div>
      );
    case 'tool':
      return (
        <div class="part part-tool" data-testid="part-tool">
          <div class="part-head">
            tool <strong>{item.toolName}</strong> <code class="muted">{item.toolCallId}</code>
            {item.dynamic && <span class="tag">dynamic</span>} <StateTag state={item.state} />
          </div>
          <Json label="input" value={item.input} />
          <Json label="output" value={item.output} />
          {item.errorText !== null && <div class="part-error">{item.errorText}</div>}
        </div>
      );
    case 'source':
      return (
        <div class="part part-source" data-testid="part-source">
          <span class="part-head">source</span> {item.title}
          {item.href && <code class="muted"> {item.href}</code>}
        </div>
      );
    case 'file':
      return (
        <div class="part part-file" data-testid="part-file">
          <span class="part-head">file</span> {item.filename ?? item.url.slice(0, 80)} <code class="muted">{item.mediaType}</code>
        </div>
      );
    case 'data':
      return (
        <div class="part part-data" data-testid="part-data">
          <div class="part-head">
            data-{item.name} {item.id !== null && <code class="muted">{item.id}</code>}
          </div>
          <Json label="data" value={item.data} />
        </div>
      );
    case 'other':
      return (
        <div class="part">
          <div class="part-head">{item.type}</div>
          <Json label="part" value={item.part} />
        </div>
      );
  }
}
