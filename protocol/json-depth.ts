/**
 * How deeply a JSON value nests, counted with an explicit stack (recursion would overflow on the
 * very values this is for: metadata or data nested thousands deep).
 */

/** Levels of arrays and objects in `value`: 0 for a primitive, 1 for `{}` or `[1]`. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    const depth = item.depth + 1;
    if (depth > deepest) deepest = depth;
    for (const child of Object.values(item.value)) if (typeof child === 'object' && child !== null) pending.push({ value: child, depth });
  }
  return deepest;
}
