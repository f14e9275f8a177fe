/**
 * A lazy, collapsible JSON tree: children are rendered only when their node is opened, long
 * strings are cut with "show all", long arrays and objects are shown a page at a time — so a 10 MB
 * string or JSON nested 10,000 levels deep costs what is on screen. Everything is rendered as text.
 */
import { useState } from 'preact/hooks';
import { entriesPage, previewOf, stringPreview } from '../view-model/json-tree.js';
import type { Range } from '../view-model/text-ranges.js';
import { Marked } from './Marked.js';

/**
 * The ranges to mark in a shown string (a value, cut or whole; a key when `path` is null), for
 * search matches; `path` leads from the root to the value.
 */
export type JsonMarker = (text: string, path: readonly string[] | null) => readonly Range[];

type NodeProps = { name: string | null; value: unknown; path: readonly string[]; open?: boolean; mark?: JsonMarker };

function Leaf({ value, path, mark }: { value: unknown; path: readonly string[]; mark?: JsonMarker }) {
  const [all, setAll] = useState(false);
  if (typeof value === 'string') {
    const preview = stringPreview(value, all);
    return (
      <span class="json-string">
        "<Marked text={preview.text} ranges={mark?.(preview.text, path) ?? []} />"
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

function Node({ name, value, path, open: initiallyOpen = false, mark }: NodeProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const [shown, setShown] = useState(1);
  const label = name !== null && (
    <span class="json-key">
      <Marked text={name} ranges={mark?.(name, null) ?? []} />
      {': '}
    </span>
  );
  if (value === null || typeof value !== 'object') {
    return (
      <div class="json-node">
        {label}
        <Leaf value={value} path={path} mark={mark} />
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
            <Node key={key} name={key} value={child} path={[...path, key]} mark={mark} />
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

export function JsonTree({ value, mark, testId }: { value: unknown; mark?: JsonMarker; testId?: string }) {
  return (
    <div class="json-tree" data-testid={testId}>
      <Node name={null} value={value} path={[]} open mark={mark} />
    </div>
  );
}
