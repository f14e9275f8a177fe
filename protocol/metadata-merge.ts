/**
 * Message metadata merges as the AI SDK client's `mergeObjects` does: deeply for objects, arrays
 * and primitives replaced, `__proto__` / `constructor` / `prototype` skipped at every depth. Like
 * the client it spreads whatever the base is (an array base gains its indexes as keys) and throws
 * when the base is a primitive that the overrides have keys to merge into (`key in "text"` is a
 * TypeError).
 */
const isMergeableObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const unmergedKeys = new Set(['__proto__', 'constructor', 'prototype']);

export function mergeMetadata(base: unknown, overrides: unknown): unknown {
  const result: Record<string, unknown> = { ...(base as object) };
  for (const key in overrides as object) {
    if (unmergedKeys.has(key) || !Object.hasOwn(overrides as object, key)) continue;
    const value = (overrides as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof base !== 'object') throw new TypeError(`Cannot use 'in' operator to search for '${key}' in ${String(base)}`);
    const baseValue = (base as Record<string, unknown>)[key];
    result[key] = isMergeableObject(value) && isMergeableObject(baseValue) ? mergeMetadata(baseValue, value) : value;
  }
  return result;
}
