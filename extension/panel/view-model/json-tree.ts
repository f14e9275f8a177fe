/** What the JSON tree shows of a value without walking it: previews, cut strings, pages of entries. */

export const stringCut = 300;
export const pageSize = 100;

/** `{3 keys}` / `[12 items]`: counts only, never a walk of the value. */
export function previewOf(value: object): string {
  if (Array.isArray(value)) return `[${value.length} ${value.length === 1 ? 'item' : 'items'}]`;
  const keys = Object.keys(value).length;
  return `{${keys} ${keys === 1 ? 'key' : 'keys'}}`;
}

export function stringPreview(text: string, all: boolean): { text: string; cut: boolean; length: number } {
  if (all || text.length <= stringCut) return { text, cut: false, length: text.length };
  return { text: `${text.slice(0, stringCut)}…`, cut: true, length: text.length };
}

/** The first `pages` pages of an object's or array's entries, and how many are left. */
export function entriesPage(value: object, pages: number): { entries: [string, unknown][]; more: number; pageSize: number } {
  const keys = Array.isArray(value) ? null : Object.keys(value);
  const total = keys ? keys.length : (value as unknown[]).length;
  const count = Math.min(total, pages * pageSize);
  const entries: [string, unknown][] = [];
  for (let index = 0; index < count; index++) {
    const key = keys ? keys[index] : String(index);
    entries.push([key, (value as Record<string, unknown>)[key]]);
  }
  return { entries, more: total - count, pageSize };
}
