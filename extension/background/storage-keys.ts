/**
 * Every key the background stores under, defined and parsed here only. Stream records and their
 * chunk batches live in IndexedDB (`capture-db.ts`: the budget there is a share of the disk);
 * small state (preferences, relay sequence numbers, the id counter) in `storage.session`.
 */
export const keys = {
  /** IndexedDB: a stream's record (its info, route and arrival time). */
  stream: (id: string) => `s:${id}`,
  /** IndexedDB: the `batch`-th group of a stream's chunks, in order. */
  chunks: (id: string, batch: number) => `c:${id}:${batch}`,
  /** storage.session: a tab's preferences. */
  tab: (tabId: number) => `t:${tabId}`,
  /** storage.session: the last sequence number stored from a relay (tab:frame:document:relay). */
  relay: (relay: string) => `r:${relay}`,
  /** storage.session: the next stream id. */
  next: 'next',
  /** storage.session: the browser session the IndexedDB data belongs to. */
  session: 'session',
};

export type ParsedKey =
  | { kind: 'stream'; id: string }
  | { kind: 'chunks'; id: string; batch: number }
  | { kind: 'tab'; tabId: number }
  | { kind: 'relay'; relay: string }
  | { kind: 'next' }
  | { kind: 'session' };

const id = /^[1-9]\d*$/;

/** What a stored key names, or null for a key this version does not write. */
export function parseKey(key: string): ParsedKey | null {
  if (key === keys.next) return { kind: 'next' };
  if (key === keys.session) return { kind: 'session' };
  const [kind, ...rest] = key.split(':');
  if (kind === 's' && rest.length === 1 && id.test(rest[0])) return { kind: 'stream', id: rest[0] };
  if (kind === 'c' && rest.length === 2 && id.test(rest[0]) && /^\d+$/.test(rest[1])) return { kind: 'chunks', id: rest[0], batch: Number(rest[1]) };
  if (kind === 't' && rest.length === 1 && /^\d+$/.test(rest[0])) return { kind: 'tab', tabId: Number(rest[0]) };
  if (kind === 'r' && rest.length >= 4) return { kind: 'relay', relay: rest.join(':') };
  return null;
}
