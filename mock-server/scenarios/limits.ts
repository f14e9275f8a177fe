/**
 * What a scenario may ask for, so that every scenario that validates can play: text sugar no
 * longer than `maxPartChars` once repeated, JSON no deeper than `maxJsonDepth` (the encoder's
 * `JSON.stringify` recurses), base64 that decodes.
 */
export const maxPartChars = 32 * 2 ** 20;
export const maxJsonDepth = 1000;

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
