/**
 * 128 random bits as 32 hex digits, from `crypto.getRandomValues`, which every context has:
 * `crypto.randomUUID` exists only in secure contexts, so a content script calling it fails on an
 * http page of a host other than localhost, and in Firefox on a new tab's about:blank.
 */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
