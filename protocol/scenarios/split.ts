/** Splits text into the pieces that text sugar streams as deltas, lazily: a large payload is never held as one array of units. */
export type Unit = 'chars' | 'tokens';

/** One code point; or a word-like token with its trailing whitespace, so the pieces join back to the text. */
const unitPatterns: Record<Unit, RegExp> = { chars: /[^]/gu, tokens: /\s*\S+\s*|\s+/g };

/** `perDelta` units per piece; Infinity keeps the text whole. */
export function* splitText(text: string, unit: Unit, perDelta: number): Generator<string> {
  if (text === '' || !Number.isFinite(perDelta)) {
    yield text;
    return;
  }
  let piece = '';
  let count = 0;
  for (const [match] of text.matchAll(unitPatterns[unit])) {
    piece += match;
    count += 1;
    if (count === perDelta) {
      yield piece;
      piece = '';
      count = 0;
    }
  }
  if (count > 0) yield piece;
}
