/**
 * The network-log fallback: SSE responses the page hook did not see (they started before it, or a
 * service worker made them) read whole from DevTools' network log once they finish. They carry
 * no live timing: HAR gives a body, not when each byte arrived.
 */
import type { StreamMeta } from '../shared/messages.js';
import { limits } from '../shared/hops.js';
import type { NetworkLogStream } from '../panel/connection/panel-handle.js';
import { fromBase64 } from '../shared/base64.js';
import { isEventStream, uiMessageStreamHeader } from '../../protocol/event-stream.js';

export const networkLogNote = 'from the network log: no live timing';
/** Chrome sometimes keeps no body for a finished SSE response (`getContent()` gives null). */
export const networkLogNoBodyNote = 'from the network log: DevTools kept no body, nothing to decode';

type HarHeader = { name: string; value: string };
/** The fields of a HAR entry (`chrome.devtools.network.Request`) this module reads. */
export type HarEntry = {
  startedDateTime: string;
  request: { method: string; url: string; headers: HarHeader[]; postData?: { text?: string } };
  response: { status: number; statusText: string; headers: HarHeader[]; content?: { mimeType?: string } };
  timings?: Partial<Record<'blocked' | 'dns' | 'connect' | 'send' | 'wait', number>>;
};

export function headerValue(headers: readonly HarHeader[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find((header) => header.name.toLowerCase() === wanted)?.value;
}

/** The capture rule of the page hook, on a HAR entry (whose MIME type stands in for a missing header). */
export function isEventStreamResponse(entry: HarEntry): boolean {
  const contentType = headerValue(entry.response.headers, 'content-type') ?? entry.response.content?.mimeType ?? null;
  return isEventStream(contentType, headerValue(entry.response.headers, uiMessageStreamHeader) ?? null);
}

function headerRecord(headers: readonly HarHeader[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const { name, value } of headers.slice(0, limits.headers)) {
    // HTTP/2 pseudo-headers (`:status`) are DevTools' view of the wire, not headers a page sees.
    if (!name.startsWith(':')) record[name.toLowerCase()] = value.slice(0, limits.text);
  }
  return record;
}

/** When the response started: the request's start plus the phases before the first byte. */
export function responseStartedAt(entry: HarEntry): number {
  const phases = entry.timings ?? {};
  const beforeFirstByte = (['blocked', 'dns', 'connect', 'send', 'wait'] as const).reduce(
    (sum, phase) => sum + Math.max(0, phases[phase] ?? 0),
    0,
  );
  return Date.parse(entry.startedDateTime) + beforeFirstByte;
}

export function streamMetaOf(entry: HarEntry, note = networkLogNote): StreamMeta {
  return {
    transport: 'network-log',
    url: entry.request.url.slice(0, limits.text),
    method: entry.request.method.slice(0, limits.method),
    requestHeaders: headerRecord(entry.request.headers),
    requestBody: entry.request.postData?.text?.slice(0, limits.requestBody) ?? null,
    status: entry.response.status,
    statusText: entry.response.statusText.slice(0, limits.shortText),
    responseHeaders: headerRecord(entry.response.headers),
    startedAt: responseStartedAt(entry),
    requestStartedAt: Date.parse(entry.startedDateTime),
    frameUrl: '',
    bytes: 'wire',
    note,
  };
}

/** `getContent()` gives text, base64 for bodies DevTools keeps as binary, or null when it kept none. */
export function decodeContent(content: string | null | undefined, encoding: string | null | undefined): string | null {
  if (content === null || content === undefined) return null;
  if (encoding !== 'base64') return content;
  return new TextDecoder().decode(fromBase64(content));
}

/**
 * A finished request with a body reader, as `onRequestFinished` and `getHAR()` give them. These
 * objects come from the browser, not from webextension-polyfill (which wraps namespaces, not the
 * methods of objects they hand out), so their one difference is handled here: Chrome's
 * `getContent` takes a callback, Firefox's returns a promise of `[content, mimeType]`.
 */
export type FinishedRequest = HarEntry & {
  getContent(callback?: (content: string, encoding: string) => void): Promise<[string, string]> | void;
};

function readContent(request: FinishedRequest): Promise<{ content: string | null; encoding: string | null }> {
  return new Promise((resolve) => {
    const returned = request.getContent((content, encoding) => resolve({ content, encoding }));
    if (returned && typeof returned.then === 'function') {
      // Firefox: the body is text; the second value is the MIME type, not an encoding
      returned.then(([content]) => resolve({ content, encoding: null }), () => resolve({ content: null, encoding: null }));
    }
  });
}

export async function readNetworkLogStream(request: FinishedRequest): Promise<NetworkLogStream | null> {
  if (!isEventStreamResponse(request)) return null;
  const { content, encoding } = await readContent(request);
  const body = decodeContent(content, encoding);
  return { meta: streamMetaOf(request, body === null ? networkLogNoBodyNote : networkLogNote), body };
}
