/**
 * Where a search matches in a text, as [start, end) ranges, and a text cut into marked and
 * unmarked pieces for rendering (as text: the panel never builds markup from stream bytes).
 */
export type Range = readonly [start: number, end: number];
export type Piece = { text: string; marked: boolean };

/** A case-insensitive literal pattern for a query (trimmed), or null for an empty one. */
export function queryPattern(query: string): RegExp | null {
  const needle = query.trim();
  return needle ? new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi') : null;
}

/** Every match of `pattern` in `text`; matches do not overlap. */
export function matchRanges(text: string, pattern: RegExp | null): Range[] {
  if (!pattern) return [];
  const ranges: Range[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/** Sorted, overlapping and touching ranges joined, cut to `length`, empty ones dropped. */
export function mergeRanges(ranges: readonly Range[], length: number): Range[] {
  const sorted = ranges
    .map(([start, end]): Range => [Math.max(0, start), Math.min(length, end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** `text` cut at the ranges' edges. */
export function markPieces(text: string, ranges: readonly Range[]): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const [start, end] of mergeRanges(ranges, text.length)) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/**
 * Ranges of a string value, moved to where that value sits in JSON text holding it as
 * `"field":"…"` (escaped as `JSON.stringify` escapes); empty when the text spells it otherwise.
 */
export function rangesInJson(json: string, field: string, value: string, ranges: readonly Range[]): Range[] {
  if (ranges.length === 0) return [];
  const quoted = JSON.stringify(value);
  // compact JSON, or a server that puts a space after the colon
  const key = [`${JSON.stringify(field)}:`, `${JSON.stringify(field)}: `].find((spelling) => json.includes(`${spelling}${quoted}`));
  if (key === undefined) return [];
  const content = json.indexOf(`${key}${quoted}`) + key.length + 1;
  const escaped = (end: number) => JSON.stringify(value.slice(0, end)).length - 2;
  return ranges.map(([start, end]): Range => [content + escaped(start), content + escaped(end)]);
}
