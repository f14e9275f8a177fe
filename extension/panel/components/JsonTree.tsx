/**
 * A lazy, collapsible JSON tree: children are rendered only when their node is opened, long
 * strings are cut with "show all", long arrays and objects are shown a page at a time — so a 10 MB
 * string or JSON nested 10,000 levels deep costs what is on screen. Everything is rendered as text.
 */
import { useState } from 'preact/hooks';
import { entriesPage, previewOf, stringPreview } from '../view-model/json-tree.js';

type NodeProps = { name: string | null; value: unknown; open?: boolean; highlight?: string };

function Highlighted({ text, needle }: { text: string; needle?: string }) {
  if (!needle) return <>{text}</>;
  const at = text.toLowerCase().indexOf(needle.toLowerCase());
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  );
}

function Leaf({ value, highlight }: { value: unknown; highlight?: string }) {
  const [all, setAll] = useState(false);
  if (typeof value === 'string') {
    const preview = stringPreview(value, all);
    return (
      <span class="json-string">
        "<Highlighted text={preview.text} needle={highlight} />"
        {preview.cut && (
          <button type="button" class="link-button" onClick={() => setAll(true)}>
            show all {preview.length.toLocaleString()} characters
          </button>
        )}
      </span>
    );
  }
  return <span class={`json-${value === null ? 'null' : typeof value}`}>{String(value)}</span>;
}

function Node({ name, value, open: initiallyOpen = false, highlight }: NodeProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const [shown, setShown] = useState(1);
  const label = name !== null && <span class="json-key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div class="json-node">
        {label}
        <Leaf value={value} highlight={highlight} />
      </div>
    );
  }
  const page = open ? entriesPage(value, shown) : null;
  return (
    <div class="json-node">
      <button type="button" class="json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'}
      </button>
      {label}
      <span class="muted">{previewOf(value)}</span>
      {page && (
        <div class="json-children">
          {page.entries.map(([key, child]) => (
            <Node key={key} name={key} value={child} highlight={highlight} />
          ))}
          {page.more > 0 && (
            <button type="button" class="link-button" onClick={() => setShown(shown + 1)}>
              show {Math.min(page.more, page.pageSize)} more of {page.more.toLocaleString()}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export function JsonTree({ value, highlight, testId }: { value: unknown; highlight?: string; testId?: string }) {
  return (
    <div class="json-tree" data-testid={testId}>
      <Node name={null} value={value} open highlight={highlight} />
    </div>
  );
}
