/**
 * JSON text that never throws on depth, for output and messages: `JSON.stringify` recurses and
 * overflows the stack on values nested a few thousand deep (a stream may carry such metadata), so
 * past that the value is written with an explicit stack instead: the same JSON, indented only to a
 * fixed depth (indenting every level makes the text grow with the square of the depth).
 */

const maxIndentDepth = 64;

type Frame = { entries: [string | null, unknown][]; next: number; close: string; indent: string };

function entriesOf(value: object): [string | null, unknown][] {
  if (Array.isArray(value)) return value.map((item) => [null, item === undefined || typeof item === 'function' ? null : item]);
  return Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== 'function');
}

/** `JSON.stringify(value, null, space)` for JSON data (no `toJSON`, no cycles), by iteration. */
export function stringifyIteratively(value: unknown, space: string): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  const newline = space === '' ? '' : '\n';
  const colon = space === '' ? ':' : ': ';
  const open = (item: unknown, indent: string): void => {
    // Only JSON's own values reach here (no toJSON, functions or cycles in decoded data).
    if (typeof item !== 'object' || item === null) {
      out.push(JSON.stringify(item) ?? 'null');
      return;
    }
    const entries = entriesOf(item);
    const [start, close] = Array.isArray(item) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) {
      out.push(start + close);
      return;
    }
    out.push(start);
    stack.push({ entries, next: 0, close, indent });
  };
  open(value, '');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.entries.length) {
      out.push(`${newline}${frame.indent}${frame.close}`);
      stack.pop();
      continue;
    }
    const [key, item] = frame.entries[frame.next];
    const inner = frame.indent.length < maxIndentDepth * space.length ? frame.indent + space : frame.indent;
    out.push(`${frame.next > 0 ? ',' : ''}${newline}${inner}${key === null ? '' : JSON.stringify(key) + colon}`);
    frame.next++;
    open(item, inner);
  }
  return out.join('');
}

export function toJson(value: unknown, space = 0): string {
  try {
    return JSON.stringify(value, null, space);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return stringifyIteratively(value, ' '.repeat(space));
  }
}
