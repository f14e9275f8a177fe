/**
 * The collector: an init script that runs in every frame before the page's own scripts, next to
 * the extension's page hook. It does what the extension's relay does without an extension: takes
 * the hook's `postMessage` records off `window` before any page listener sees them, and hands them
 * to the test through an exposed binding, bytes as base64 (a binding takes JSON only).
 *
 * Playwright sends this function's source to the page, so it must not refer to anything outside
 * itself.
 */
export type CollectorConfig = { source: string; binding: string };

export function installCollector({ source, binding }: CollectorConfig): void {
  const toBase64 = (bytes: Uint8Array): string => {
    let binary = '';
    for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
    return btoa(binary);
  };
  window.addEventListener(
    'message',
    (event) => {
      const data: unknown = event.data;
      if (event.source !== window || typeof data !== 'object' || data === null || (data as { source?: unknown }).source !== source) return;
      event.stopImmediatePropagation();
      const messages = (data as { messages?: unknown }).messages;
      if (!Array.isArray(messages)) return;
      const json = messages.map((message: { bytes?: unknown }) =>
        message?.bytes instanceof Uint8Array ? { ...message, bytes: toBase64(message.bytes) } : message,
      );
      const hand = (window as unknown as Record<string, ((messages: unknown[]) => Promise<void>) | undefined>)[binding];
      void hand?.(json).catch(() => {});
    },
    true,
  );
}
