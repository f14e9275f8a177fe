/** Splits text into the pieces that text sugar streams as deltas. */
export type Unit = 'chars' | 'tokens';

/** Word-like tokens, each with its trailing whitespace, so the pieces join back to the text. */
function units(text: string, unit: Unit): string[] {
  if (unit === 'chars') return Array.from(text);
  return text.match(/\s*\S+\s*|\s+/g) ?? [];
}

/** `perDelta` units per piece; Infinity keeps the text whole. */
export function splitText(text: string, unit: Unit, perDelta: number): string[] {
  if (text === '') return [''];
  if (!Number.isFinite(perDelta)) return [text];
  const all = units(text, unit);
  const pieces: string[] = [];
  for (let index = 0; index < all.length; index += perDelta) pieces.push(all.slice(index, index + perDelta).join(''));
  return pieces;
}
