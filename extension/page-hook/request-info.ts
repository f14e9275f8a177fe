/**
 * What a captured stream records about its request and response, read without consuming or
 * changing anything the page still owns (a body that is a stream, blob or form is not read).
 */
import { limits } from '../shared/hops.js';
import type { StreamMeta } from '../shared/messages.js';

const headersForEach = Headers.prototype.forEach;
const decoder = new TextDecoder();

export function clip(value: string, max: number = limits.text): string {
  return value.length > max ? value.slice(0, max) : value;
}

/** A `Headers` as a capped plain record. */
export function headersRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  let count = 0;
  Reflect.apply(headersForEach, headers, [
    (value: string, name: string) => {
      if (count++ < limits.headers) record[clip(name)] = clip(value);
    },
  ]);
  return record;
}

/** Headers as `fetch` would build them from its `init`, or null when they are not readable. */
export function initHeaders(init: HeadersInit | undefined): Record<string, string> {
  if (init === undefined || init === null) return {};
  try {
    return headersRecord(new Headers(init));
  } catch {
    return {};
  }
}

/** The request body as text where it is text already or plain bytes; null for streams, blobs, forms. */
export function bodyText(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return clip(body, limits.requestBody);
  if (body instanceof URLSearchParams) return clip(body.toString(), limits.requestBody);
  if (body instanceof ArrayBuffer) return clip(decoder.decode(new Uint8Array(body, 0, Math.min(body.byteLength, limits.requestBody * 4))), limits.requestBody);
  if (ArrayBuffer.isView(body)) {
    const view = new Uint8Array(body.buffer, body.byteOffset, Math.min(body.byteLength, limits.requestBody * 4));
    return clip(decoder.decode(view), limits.requestBody);
  }
  return null;
}

export function bodyNote(body: unknown): string | null {
  return body === undefined || body === null || bodyText(body) !== null ? null : 'request body not captured (not text)';
}

export function absoluteUrl(url: string): string {
  try {
    return new URL(url, location.href).href;
  } catch {
    return url;
  }
}

type Base = Pick<StreamMeta, 'transport' | 'method' | 'url' | 'requestHeaders' | 'requestBody'>;

/** The complete meta with the page's frame and the response time filled in. */
export function streamMeta(
  base: Base,
  response: Pick<StreamMeta, 'status' | 'statusText' | 'responseHeaders' | 'bytes' | 'note'>,
): StreamMeta {
  return {
    ...base,
    url: clip(base.url),
    method: base.method.slice(0, limits.method),
    ...response,
    statusText: response.statusText.slice(0, limits.shortText),
    startedAt: Date.now(),
    frameUrl: clip(location.href),
  };
}
