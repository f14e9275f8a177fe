/** Base64 ⇄ bytes, with the browser's native codec where it has one (Chrome 140+, Firefox 133+). */
type NativeCodec = { toBase64?: () => string };
type NativeDecoder = { fromBase64?: (base64: string) => Uint8Array };

export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & NativeCodec).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array {
  const native = (Uint8Array as unknown as NativeDecoder).fromBase64;
  if (typeof native === 'function') return native(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Bytes a base64 string decodes to, without decoding it. */
export function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}
