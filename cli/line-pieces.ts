/**
 * Splits bytes after each line end (LF, CR, or CRLF as one), so a decoder fed the pieces one by one
 * dispatches at most one event or comment per piece and its line number is known: GitHub
 * annotations point at the line. Pieces are views of the input, not copies.
 */
export type LineCounter = {
  /** The pieces of `bytes`; `line()` is the number of the line the piece just handed out ends. */
  split(bytes: Uint8Array): Generator<Uint8Array>;
  /** The (1-based) line the decoder is reading: the one the last piece ended, or the next. */
  line(): number;
};

export function createLineCounter(): LineCounter {
  let ended = 0;
  // A CR ended the last piece: an LF right after it ends no new line.
  let afterCR = false;
  let current = 1;
  return {
    *split(bytes) {
      let start = 0;
      for (let i = 0; i < bytes.length; i++) {
        const byte = bytes[i];
        if (byte !== 10 && byte !== 13) {
          afterCR = false;
          continue;
        }
        if (byte === 10 && afterCR) {
          afterCR = false;
          if (i === start) {
            start = i + 1;
            yield bytes.subarray(i, i + 1);
          }
          continue;
        }
        afterCR = byte === 13;
        // A CRLF in the same piece stays in it.
        const end = afterCR && bytes[i + 1] === 10 ? i + 2 : i + 1;
        if (end === i + 2) afterCR = false;
        ended++;
        current = ended;
        yield bytes.subarray(start, end);
        current = ended + 1;
        start = end;
        i = end - 1;
      }
      if (start < bytes.length) yield bytes.subarray(start);
    },
    line: () => current,
  };
}
