/**
 * Message metadata merges as the AI SDK client's `mergeObjects` does: deeply for objects, arrays
 * and primitives replaced, `__proto__` / `constructor` / `prototype` skipped at every depth. Like
 * the client it spreads whatever the base is (an array base gains its indexes as keys) and throws
 * when the base is a primitive that the overrides have keys to merge into (`key in "text"` is a
 * TypeError). It walks the objects with its own stack, not by recursion, so metadata nested
 * thousands deep merges instead of overflowing the call stack.
 */
const isMergeableObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const unmergedKeys = new Set(['__proto__', 'constructor', 'prototype']);

type Pending = { base: unknown; overrides: unknown; result: Record<string, unknown> };

export function mergeMetadata(base: unknown, overrides: unknown): unknown {
  const root: Pending = { base, overrides, result: { ...(base as object) } };
  const pending: Pending[] = [root];
  for (let job = pending.pop(); job !== undefined; job = pending.pop()) {
    const from = job.overrides as Record<string, unknown>;
    for (const key in from) {
      if (unmergedKeys.has(key) || !Object.hasOwn(from, key)) continue;
      const value = from[key];
      if (value === undefined) continue;
      if (typeof job.base !== 'object') throw new TypeError(`Cannot use 'in' operator to search for '${key}' in ${String(job.base)}`);
      const baseValue = (job.base as Record<string, unknown>)[key];
      if (isMergeableObject(value) && isMergeableObject(baseValue)) {
        const result = { ...baseValue };
        job.result[key] = result;
        pending.push({ base: baseValue, overrides: value, result });
      } else job.result[key] = value;
    }
  }
  return root.result;
}
