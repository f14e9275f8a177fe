/**
 * Every hop of the capture path, named once, with its messages named by direction:
 * page hook (MAIN world) → relay (isolated world) → background (service worker) → panel.
 *
 * The page can forge anything it posts, so what crosses from the page is validated with these
 * schemas in the relay, and again in the background (the relay runs in a page it cannot trust
 * either). Sizes are capped here, in one place.
 */
import { z } from 'zod';

/** Bumped whenever a message below changes shape, so mismatched sides notice. */
export const CAPTURE_PROTOCOL_VERSION = 1;

/** `window.postMessage` tag of messages from the page hook. */
export const PAGE_MESSAGE_SOURCE = 'streamscope:page';
/** `runtime.connect` port name of a relay. */
export const RELAY_PORT_NAME = 'streamscope:relay';
/** `runtime.connect` port name prefix of a panel: `streamscope:panel:<tabId>`. */
export const PANEL_PORT_PREFIX = 'streamscope:panel:';

export const limits = {
  /** Bytes of one body chunk in one message; larger reads are split by the hook. */
  chunkBytes: 256 * 1024,
  /** Bytes kept of one stream; past it the stream is marked truncated. */
  streamBytes: 64 * 1024 * 1024,
  /** Bytes kept for one tab across its streams; past it the oldest ended streams are dropped. */
  tabBytes: 256 * 1024 * 1024,
  /** Characters kept of a request body. */
  requestBody: 64 * 1024,
  /** Characters of a URL, header name or value. */
  text: 8 * 1024,
  headers: 200,
  /** Streams tracked for one tab. */
  streamsPerTab: 500,
} as const;

const text = z.string().max(limits.text);
const headers = z.record(text, text).refine((value) => Object.keys(value).length <= limits.headers, {
  message: `more than ${limits.headers} headers`,
});
const pageStreamId = z.string().min(1).max(64);

export const transports = ['fetch', 'eventsource', 'xhr', 'network-log'] as const;
export const transportSchema = z.enum(transports);
export type Transport = z.infer<typeof transportSchema>;

export const streamMetaSchema = z.object({
  transport: transportSchema,
  url: text,
  method: z.string().max(32),
  requestHeaders: headers,
  requestBody: z.string().max(limits.requestBody).nullable(),
  status: z.number().int().min(0).max(999),
  statusText: z.string().max(1024),
  responseHeaders: headers,
  /** Epoch milliseconds when the response headers arrived. */
  startedAt: z.number(),
  frameUrl: text,
});
export type StreamMeta = z.infer<typeof streamMetaSchema>;

export const streamOutcomes = ['complete', 'cancelled', 'error'] as const;
export const streamOutcomeSchema = z.enum(streamOutcomes);

// page hook → relay (structured clone over window.postMessage)
export const pageToRelayMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    source: z.literal(PAGE_MESSAGE_SOURCE),
    kind: z.literal('stream-start'),
    streamId: pageStreamId,
    meta: streamMetaSchema,
  }),
  z.object({
    source: z.literal(PAGE_MESSAGE_SOURCE),
    kind: z.literal('stream-chunk'),
    streamId: pageStreamId,
    /** Milliseconds since the stream started. */
    at: z.number(),
    bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= limits.chunkBytes, {
      message: `chunk over ${limits.chunkBytes} bytes`,
    }),
  }),
  z.object({
    source: z.literal(PAGE_MESSAGE_SOURCE),
    kind: z.literal('stream-end'),
    streamId: pageStreamId,
    at: z.number(),
    outcome: streamOutcomeSchema,
    error: z.string().max(1024).optional(),
  }),
]);
export type PageToRelayMessage = z.infer<typeof pageToRelayMessageSchema>;

// relay → background (JSON over a runtime port: bytes travel as base64)
export const relayToBackgroundMessageSchema = z.object({
  /** The relay's own sequence number, acknowledged by the background so nothing is lost when
   * Chrome stops the service worker between a send and its receipt. */
  seq: z.number().int().nonnegative(),
  version: z.literal(CAPTURE_PROTOCOL_VERSION),
  message: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('stream-start'), streamId: pageStreamId, meta: streamMetaSchema }),
    z.object({
      kind: z.literal('stream-chunk'),
      streamId: pageStreamId,
      at: z.number(),
      base64: z.string().max(Math.ceil(limits.chunkBytes / 3) * 4),
    }),
    z.object({
      kind: z.literal('stream-end'),
      streamId: pageStreamId,
      at: z.number(),
      outcome: streamOutcomeSchema,
      error: z.string().max(1024).optional(),
    }),
  ]),
});
export type RelayToBackgroundMessage = z.infer<typeof relayToBackgroundMessageSchema>;

// background → relay
export type BackgroundToRelayMessage = { kind: 'ack'; upTo: number };
