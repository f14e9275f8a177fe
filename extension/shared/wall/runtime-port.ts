/**
 * The part of a runtime port (`browser.runtime.Port`, Chrome's and Firefox's alike) the walls use,
 * so tests can hand them an in-memory port.
 */
export type PortSender = {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
  /** Chrome only: the document the port was opened from. */
  documentId?: string;
};

export type RuntimePort = {
  name: string;
  sender?: PortSender;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
};

/** Posts, ignoring a port that closed under us (its `onDisconnect` cleans up). */
export function postSafely(port: Pick<RuntimePort, 'postMessage'>, message: unknown): void {
  try {
    port.postMessage(message);
  } catch {
    // the other side is gone
  }
}
