/**
 * Bytes for files: pieces joined, and bytes as text for JSON files (scenarios, HAR) — base64 both
 * ways with the platform's `btoa`/`atob` (browsers and Node alike), and strict UTF-8 so that bytes
 * which are no valid text are kept as base64 rather than changed.
 */

export function joinBytes(pieces: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.byteLength, 0));
  let offset = 0;
  for (const piece of pieces) {
    bytes.set(piece, offset);
    offset += piece.byteLength;
  }
  return bytes;
}

export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes its arguments on the stack: 32 K at a time stays well inside it.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** Throws (`atob`'s DOMException) on text that is not base64: callers validate first or catch. */
export function bytesOfBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** The bytes as text when they are valid UTF-8, else null. */
export function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
