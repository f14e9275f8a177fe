/**
 * Builds a long text from many small pieces (a text part's deltas). Appending each piece to a
 * string leaves one string node per piece, kept alive until read, which the garbage collector
 * must copy on every pass; joining pieces in small groups lets them die young instead.
 */
export type TextBuilder = { append(piece: string): void; toString(): string };

const groupSize = 256;

export function createTextBuilder(initial: string): TextBuilder {
  const groups: string[] = [initial];
  let tail: string[] = [];
  return {
    append(piece) {
      tail.push(piece);
      if (tail.length === groupSize) {
        groups.push(tail.join(''));
        tail = [];
      }
    },
    toString() {
      if (tail.length > 0) {
        groups.push(tail.join(''));
        tail = [];
      }
      const whole = groups.join('');
      groups.length = 0;
      groups.push(whole);
      return whole;
    },
  };
}
