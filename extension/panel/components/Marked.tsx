/** Text with search matches marked: pieces of text in `<mark>`, never markup built from the text. */
import { markPieces, type Range } from '../view-model/text-ranges.js';

export function Marked({ text, ranges }: { text: string; ranges: readonly Range[] }) {
  if (ranges.length === 0) return <>{text}</>;
  return <>{markPieces(text, ranges).map((piece, position) => (piece.marked ? <mark key={position}>{piece.text}</mark> : piece.text))}</>;
}
