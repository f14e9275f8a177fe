/**
 * Which stored stream a relay message belongs to, found only by routes built from the sender's
 * real tab, frame and document (never by ids the page supplies), and which relay messages were
 * already applied: a relay re-sends what was not acknowledged after Chrome restarts the worker.
 */
import type { PortSender } from '../shared/wall/runtime-port.js';

export type Sender = { tabId: number; frameId: number; documentId: string | undefined };

/** The sender of a relay port, or null when it is not a content script in a tab. */
export function senderOf(port: { sender?: PortSender }, extensionOrigin: string): Sender | null {
  const { sender } = port;
  const tabId = sender?.tab?.id;
  const frameId = sender?.frameId;
  if (tabId === undefined || frameId === undefined || sender?.url?.startsWith(extensionOrigin)) return null;
  return { tabId, frameId, documentId: sender?.documentId };
}

export function createStreamRoutes() {
  const routes = new Map<string, string>();
  const applied = new Map<string, number>();
  const relayKey = (sender: Sender, relay: string) => `${sender.tabId}:${sender.frameId}:${sender.documentId ?? ''}:${relay}`;
  return {
    relayKey,
    routeOf: (relay: string, pageStreamId: string) => `${relay}:${pageStreamId}`,
    /** The last sequence number applied from a relay (-1 when none). */
    appliedUpTo: (relay: string) => applied.get(relay) ?? -1,
    setApplied(relay: string, upTo: number): void {
      applied.set(relay, upTo);
    },
    streamOf: (route: string) => routes.get(route),
    add(route: string, streamId: string): void {
      routes.set(route, streamId);
    },
    remove(route: string): void {
      routes.delete(route);
    },
    has: (route: string) => routes.has(route),
    /** Forgets the relays of a closed tab; returns their keys. */
    removeTab(tabId: number): string[] {
      const gone = [...applied.keys()].filter((relay) => relay.startsWith(`${tabId}:`));
      for (const relay of gone) applied.delete(relay);
      return gone;
    },
  };
}
export type StreamRoutes = ReturnType<typeof createStreamRoutes>;
