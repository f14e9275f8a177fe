/**
 * The capture path's messages, named by direction, with their zod schemas:
 * page hook (MAIN world) → relay (isolated world) → background (service worker) → panel.
 * Hop names and size limits live in `hops.ts` (re-exported here) so the page hook can use them
 * without zod.
 *
 * The page can forge anything it posts, so what crosses from the page is validated with these
 * schemas in the relay, and again in the background (the relay runs in a page it cannot trust
 * either). Background → panel messages cross no trust boundary and are only typed.
 */
import { z } from 'zod';
import { responseInfoSchema } from '../../protocol/response-headers.js';
import { CAPTURE_PROTOCOL_VERSION, PAGE_MESSAGE_SOURCE, limits } from './hops.js';

export * from './hops.js';

const text = z.string().max(limits.text);
const headers = z.record(text, text).refine((value) => Object.keys(value).length <= limits.headers, {
  message: `more than ${limits.headers} headers`,
});
const pageStreamId = z.string().min(1).max(64);
const offset = z.number().finite().nonnegative();

export const transports = ['fetch', 'eventsource', 'xhr', 'network-log'] as const;
export const transportSchema = z.enum(transports);
export type Transport = z.infer<typeof transportSchema>;

/**
 * How faithful the captured bytes are: `wire` is every byte the page read; `events` is SSE text
 * rebuilt from `EventSource` events (page JS never sees those bytes: comments, `retry:` and events
 * of types nobody listens to are missing); `text` is re-encoded `XMLHttpRequest.responseText`.
 */
export const byteSources = ['wire', 'events', 'text'] as const;
export const byteSourceSchema = z.enum(byteSources);
export type ByteSource = z.infer<typeof byteSourceSchema>;

export const streamMetaSchema = z.object({
  transport: transportSchema,
  url: text,
  method: z.string().max(limits.method),
  requestHeaders: headers,
  requestBody: z.string().max(limits.requestBody).nullable(),
  status: z.number().int().min(0).max(999),
  statusText: z.string().max(limits.shortText),
  responseHeaders: headers,
  /** `cors`: a cross-origin response as page script reads it, showing only the headers CORS
   * exposes (see `ResponseInfo.headersVisible`); absent when every header was seen. */
  headersVisible: responseInfoSchema.shape.headersVisible,
  /** Epoch milliseconds when the response headers arrived. */
  startedAt: z.number(),
  /**
   * Epoch milliseconds when the page sent the request (`fetch` called, `XMLHttpRequest.send`, an
   * `EventSource` created; the network log's start): time to first byte is measured from it.
   * Absent where the capture did not see it (streams captured before it was recorded).
   */
  requestStartedAt: z.number().optional(),
  frameUrl: text,
  bytes: byteSourceSchema,
  /** What the capture could not see, in words, for the panel to show. */
  note: z.string().max(limits.shortText).nullable(),
  /**
   * `non-stream`: a chat request answered with something other than an event stream (an error
   * page, a JSON error or reply), captured whole so the panel can show why nothing streamed.
   * Absent for streams.
   */
  response: z.enum(['non-stream']).optional(),
});
export type StreamMeta = z.infer<typeof streamMetaSchema>;

export const streamOutcomes = ['complete', 'cancelled', 'error'] as const;
export const streamOutcomeSchema = z.enum(streamOutcomes);
export type StreamOutcome = z.infer<typeof streamOutcomeSchema>;

export const streamEndSchema = z.object({
  /** Milliseconds since the stream started. */
  at: offset,
  outcome: streamOutcomeSchema,
  error: z.string().max(limits.shortText).optional(),
});
export type StreamEnd = z.infer<typeof streamEndSchema>;

/**
 * The page's bytes. Firefox hands a content script the page's objects through Xray wrappers, and
 * a page's Uint8Array is no `instanceof` the relay's: it is recognised by its tag and copied into
 * the relay's own realm (Chrome's arrays pass as they are).
 */
const pageBytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]', 'expected a Uint8Array')
  .transform((bytes) => (bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)));

// page hook → relay (structured clone over window.postMessage): one post carries every message
// of a task, so the relay forwards them in one go; each message is validated on its own
export const pageMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stream-start'), streamId: pageStreamId, meta: streamMetaSchema }),
  z.object({
    kind: z.literal('stream-chunk'),
    streamId: pageStreamId,
    /** Milliseconds since the stream started. */
    at: offset,
    bytes: pageBytes.refine((bytes) => bytes.byteLength <= limits.chunkBytes, {
      message: `chunk over ${limits.chunkBytes} bytes`,
    }),
  }),
  z.object({ kind: z.literal('stream-end'), streamId: pageStreamId, end: streamEndSchema }),
]);
export type PageMessage = z.infer<typeof pageMessageSchema>;

export const pageToRelayMessageSchema = z.object({
  source: z.literal(PAGE_MESSAGE_SOURCE),
  messages: z.array(z.unknown()).min(1).max(limits.batchMessages),
});
export type PageToRelayMessage = { source: typeof PAGE_MESSAGE_SOURCE; messages: PageMessage[] };

// relay → background (JSON over a runtime port: bytes travel as base64)
export const capturedChunkSchema = z.object({
  at: offset,
  base64: z.string().max(Math.ceil(limits.chunkBytes / 3) * 4),
});
export type CapturedChunk = z.infer<typeof capturedChunkSchema>;

const count = z.number().int().nonnegative();

export const relayMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stream-start'), streamId: pageStreamId, meta: streamMetaSchema }),
  z.object({ kind: z.literal('stream-chunk'), streamId: pageStreamId, chunk: capturedChunkSchema }),
  z.object({
    kind: z.literal('stream-end'),
    streamId: pageStreamId,
    end: streamEndSchema,
    /** The relay dropped bytes of this stream (its queue was full). */
    truncated: z.boolean(),
  }),
  /** The relay dropped whole streams (a flood of starts past its queue budget) since its last note. */
  z.object({ kind: z.literal('dropped'), streams: count, bytes: count }),
]);
export type RelayMessage = z.infer<typeof relayMessageSchema>;

export const relayToBackgroundMessageSchema = z.object({
  version: z.literal(CAPTURE_PROTOCOL_VERSION),
  /** Random per relay instance (one per document), so sequence numbers of two documents in the
   * same frame never collide; the background combines it with the sender's real tab and frame. */
  relay: z.string().min(1).max(64),
  /** Each message with the relay's own sequence number, acknowledged by the background once
   * stored, so nothing is lost when Chrome stops the service worker between send and receipt. */
  batch: z
    .array(z.object({ seq: z.number().int().nonnegative(), message: relayMessageSchema }))
    .min(1)
    .max(limits.batchMessages),
});
export type RelayToBackgroundMessage = z.infer<typeof relayToBackgroundMessageSchema>;

// background → relay
export type BackgroundToRelayMessage = { kind: 'ack'; upTo: number };

// background → panel (typed only: the background is trusted)
/** One stream as the background keeps it, without its bytes. */
export type StreamInfo = {
  /** Background-assigned id, unique within the browser session. */
  id: string;
  tabId: number;
  frameId: number;
  meta: StreamMeta;
  bytes: number;
  /** Bytes past a size cap were dropped. */
  truncated: boolean;
  /** Which budget truncated it, in words; null when none did. */
  truncation: string | null;
  end: StreamEnd | null;
};

/** Bytes kept per stream, per tab and across tabs (metadata counted); a setting of the panel. */
export const budgetsSchema = z.object({
  streamBytes: z.number().int().min(limits.budgetMinBytes).max(limits.budgetMaxBytes),
  tabBytes: z.number().int().min(limits.budgetMinBytes).max(limits.budgetMaxBytes),
  totalBytes: z.number().int().min(limits.budgetMinBytes).max(limits.budgetMaxBytes),
});
export type Budgets = z.infer<typeof budgetsSchema>;

/** What the capture keeps until the user chooses otherwise (the limits table's defaults). */
export const defaultBudgets: Budgets = { streamBytes: limits.streamBytes, tabBytes: limits.tabBytes, totalBytes: limits.totalBytes };

export type BackgroundToPanelMessage =
  /** First message on every connection; a snapshot of the tab follows, then `snapshot-done`. */
  | { kind: 'hello'; version: number; tabId: number; preserveLog: boolean; budgets: Budgets; tabBytes: number }
  /** Bytes the tab's capture holds now (metadata counted), against `budgets.tabBytes`; sent as it changes. */
  | { kind: 'tab-usage'; bytes: number }
  /** A budget stopped keeping a live stream's bytes: `bytes` were kept, `note` says which budget. */
  | { kind: 'stream-truncated'; streamId: string; bytes: number; note: string }
  /** Something the user should know about the capture of this tab (e.g. a flood was dropped). */
  | { kind: 'notice'; text: string }
  | { kind: 'budgets'; budgets: Budgets }
  | { kind: 'stream-added'; stream: StreamInfo }
  | { kind: 'stream-data'; streamId: string; chunks: CapturedChunk[] }
  | { kind: 'stream-ended'; streamId: string; end: StreamEnd; truncated: boolean }
  | { kind: 'streams-removed'; streamIds: string[] }
  | { kind: 'snapshot-done' }
  /** The tab's top frame committed a navigation; `removed` is empty when "preserve log" is on. */
  | { kind: 'navigated'; url: string; removed: string[] }
  | { kind: 'preserve-log'; value: boolean };

// panel → background (validated: any extension page can connect)
export const panelToBackgroundMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('set-preserve-log'), value: z.boolean() }),
  z.object({ kind: z.literal('clear') }),
  /** Changes the budgets for every tab; the background answers every panel with `budgets`. */
  z.object({ kind: z.literal('set-budgets'), budgets: budgetsSchema }),
]);
export type PanelToBackgroundMessage = z.infer<typeof panelToBackgroundMessageSchema>;
