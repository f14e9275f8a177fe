/**
 * The checks that keep every scenario that validates playable (`limits.scenario*` in
 * protocol/limits.ts): JSON no deeper than the encoder can send, base64 that decodes.
 */

/** Whether `value` nests arrays and objects deeper than `limit`; walks with its own stack, as deep input would overflow ours. */
export function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth === limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

export function decodesAsBase64(data: string): boolean {
  try {
    atob(data);
    return true;
  } catch {
    return false;
  }
}
