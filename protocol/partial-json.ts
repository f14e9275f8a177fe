/**
 * Partial JSON as the AI SDK client reads streamed tool input (`parsePartialJson`): the text is
 * parsed as is, else repaired by cutting it after the last complete token and closing what is
 * still open, else undefined. The client's repair has its own rules (a dangling `-` or `2.` is
 * dropped, a partial literal is completed); reassembly must match them exactly, which is why no
 * general partial-JSON library is used. `partial-json.test.ts` compares it with the real client.
 */

type Context =
  | 'root'
  | 'done'
  | 'string'
  | 'escape'
  | 'unicode'
  | 'literal'
  | 'number'
  | 'object-start'
  | 'object-key'
  | 'object-after-key'
  | 'object-before-value'
  | 'object-after-value'
  | 'object-after-comma'
  | 'array-start'
  | 'array-after-value'
  | 'array-after-comma';

const literals = ['true', 'false', 'null'];
const isDigit = (char: string): boolean => char >= '0' && char <= '9';
const isHex = (char: string): boolean => isDigit(char) || (char >= 'a' && char <= 'f') || (char >= 'A' && char <= 'F');

/** Cuts `input` after its last complete token and closes what is open, the client's way. */
export function repairJson(input: string): string {
  const stack: Context[] = ['root'];
  let lastValid = -1;
  let literalStart = 0;
  let hexDigits = 0;
  const top = (): Context => stack[stack.length - 1];
  const replaceTop = (next: Context): void => {
    stack[stack.length - 1] = next;
  };

  /** A value may start here; once it does, `after` is where its container resumes. */
  function startValue(char: string, i: number, after: Context): void {
    let inner: Context | null = null;
    let valid = true;
    if (char === '"') inner = 'string';
    else if (char === 't' || char === 'f' || char === 'n') {
      inner = 'literal';
      literalStart = i;
    } else if (char === '-') {
      inner = 'number';
      valid = false;
    } else if (isDigit(char)) inner = 'number';
    else if (char === '{') inner = 'object-start';
    else if (char === '[') inner = 'array-start';
    if (inner === null) return;
    if (valid) lastValid = i;
    replaceTop(after);
    stack.push(inner);
  }

  /** A `,` or closing bracket after a value ends a member of the enclosing object or array. */
  function afterValue(char: string, i: number): void {
    const context = top();
    if (context !== 'object-after-value' && context !== 'array-after-value') return;
    const close = context === 'object-after-value' ? '}' : ']';
    if (char === ',') replaceTop(context === 'object-after-value' ? 'object-after-comma' : 'array-after-comma');
    else if (char === close) {
      lastValid = i;
      stack.pop();
    }
  }

  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    switch (top()) {
      case 'root':
        startValue(char, i, 'done');
        break;
      case 'object-start':
        if (char === '"') replaceTop('object-key');
        else if (char === '}') {
          lastValid = i;
          stack.pop();
        }
        break;
      case 'object-after-comma':
        if (char === '"') replaceTop('object-key');
        break;
      case 'object-key':
        if (char === '"') replaceTop('object-after-key');
        break;
      case 'object-after-key':
        if (char === ':') replaceTop('object-before-value');
        break;
      case 'object-before-value':
        startValue(char, i, 'object-after-value');
        break;
      case 'object-after-value':
        afterValue(char, i);
        break;
      case 'string':
        if (char === '\\') stack.push('escape');
        else {
          if (char === '"') stack.pop();
          lastValid = i;
        }
        break;
      case 'escape':
        if (char === 'u') {
          hexDigits = 0;
          replaceTop('unicode');
        } else {
          stack.pop();
          lastValid = i;
        }
        break;
      case 'unicode':
        if (isHex(char) && ++hexDigits === 4) {
          stack.pop();
          lastValid = i;
        }
        break;
      case 'array-start':
        if (char === ']') {
          lastValid = i;
          stack.pop();
        } else {
          lastValid = i;
          startValue(char, i, 'array-after-value');
        }
        break;
      case 'array-after-value':
        if (char === ',' || char === ']') afterValue(char, i);
        else lastValid = i;
        break;
      case 'array-after-comma':
        startValue(char, i, 'array-after-value');
        break;
      case 'number':
        if (isDigit(char)) lastValid = i;
        else if (char !== 'e' && char !== 'E' && char !== '-' && char !== '.') {
          stack.pop();
          if (char === ',' || char === '}' || char === ']') afterValue(char, i);
        }
        break;
      case 'literal': {
        const partial = input.slice(literalStart, i + 1);
        if (literals.some((literal) => literal.startsWith(partial))) lastValid = i;
        else {
          stack.pop();
          afterValue(char, i);
        }
        break;
      }
      case 'done':
        break;
    }
  }

  let result = input.slice(0, lastValid + 1);
  for (let depth = stack.length - 1; depth >= 0; depth--) {
    const context = stack[depth];
    if (context === 'string') result += '"';
    else if (context.startsWith('object-')) result += '}';
    else if (context.startsWith('array-')) result += ']';
    else if (context === 'literal') {
      const partial = input.slice(literalStart);
      const literal = literals.find((candidate) => candidate.startsWith(partial));
      if (literal) result += literal.slice(partial.length);
    }
  }
  return result;
}

/** What `parseJsonSecurely` returns for text the client would not parse (no wrapper object per call: it runs per event). */
export const notJson: unique symbol = Symbol('not JSON');

/**
 * `JSON.parse` that, like the client's secure parser, refuses `__proto__` keys and
 * `constructor.prototype`, which could otherwise poison prototypes.
 */
// One scan for both keys: this runs on every event's payload.
const mayPoison = /__proto__|constructor/;

export function parseJsonSecurely(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return notJson;
  }
  if (mayPoison.test(text) && hasPoisonedKey(value)) return notJson;
  return value;
}

/** Walks with its own stack, not by recursion: a payload nested thousands deep is checked, not a RangeError. */
function hasPoisonedKey(value: unknown): boolean {
  const pending: unknown[] = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next !== 'object' || next === null) continue;
    const record = next as Record<string, unknown>;
    if (Object.hasOwn(record, '__proto__')) return true;
    const ctor = Object.hasOwn(record, 'constructor') ? record.constructor : undefined;
    if (typeof ctor === 'object' && ctor !== null && Object.hasOwn(ctor, 'prototype')) return true;
    for (const child of Object.values(record)) pending.push(child);
  }
  return false;
}

/** The client's reading of partial tool input: parsed, repaired, or undefined. */
export function parsePartialJson(text: string): unknown {
  const parsed = parseJsonSecurely(text);
  if (parsed !== notJson) return parsed;
  const repaired = parseJsonSecurely(repairJson(text));
  return repaired === notJson ? undefined : repaired;
}
