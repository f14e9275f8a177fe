/**
 * What a captured stream records about its request and response, read without consuming or
 * changing anything the page still owns (a body that is a stream, blob or form is not read), and
 * without running page code: only values the platform already converted, through built-ins saved
 * at install.
 */
import { limits } from '../shared/hops.js';
import type { StreamMeta } from '../shared/messages.js';
import {
  NativeUint8Array,
  apply,
  byteLength,
  bufferOf,
  byteOffset,
  dateNow,
  decodeBytes,
  getOwnPropertyDescriptor,
  hasOwn,
  indexOf,
  isArray,
  jsonParse,
  record,
  stringSlice,
} from './natives.js';

const headersForEach = Headers.prototype.forEach;
const searchParamsToString = URLSearchParams.prototype.toString;
const arrayBufferByteLength = getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!;
const isView = ArrayBuffer.isView;
const NativeURL = URL;
const urlHref = getOwnPropertyDescriptor(URL.prototype, 'href')!.get!;

export function clip(value: string, max: number = limits.text): string {
  return value.length > max ? stringSlice(value, 0, max) : value;
}

/** A `Headers` as a capped plain record. */
export function headersRecord(headers: Headers): Record<string, string> {
  const result = record<string>();
  let count = 0;
  apply(headersForEach, headers, [
    (value: string, name: string) => {
      if (count++ < limits.headers) result[clip(name)] = clip(value);
    },
  ]);
  return result;
}

function decodeClipped(bytes: Uint8Array): string {
  const length = byteLength(bytes);
  return clip(decodeBytes(length > limits.requestBody * 4 ? new NativeUint8Array(bufferOf(bytes), 0, limits.requestBody * 4) : bytes), limits.requestBody);
}

/** The request body as text where it is text already or plain bytes; null for streams, blobs, forms. */
export function bodyText(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return clip(body, limits.requestBody);
  if (typeof body !== 'object') return null;
  try {
    return clip(apply(searchParamsToString, body, []) as string, limits.requestBody);
  } catch {
    // not URLSearchParams
  }
  try {
    apply(arrayBufferByteLength, body, []);
    return decodeClipped(new NativeUint8Array(body as ArrayBuffer));
  } catch {
    // not an ArrayBuffer
  }
  if (!isView(body)) return null;
  const view = body as ArrayBufferView;
  return decodeClipped(new NativeUint8Array(bufferOf(view), byteOffset(view), byteLength(view)));
}

export function bodyNote(body: unknown): string | null {
  return body === undefined || body === null || bodyText(body) !== null ? null : 'request body not captured (not text)';
}

/** Whether a request body is a chat request's: JSON with a `messages` list, as AI SDK clients post. */
export function isChatBody(text: string | null): boolean {
  if (text === null || indexOf(text, '"messages"') === -1) return false;
  try {
    const parsed: unknown = jsonParse(text);
    return typeof parsed === 'object' && parsed !== null && !isArray(parsed) && hasOwn(parsed, 'messages') && isArray((parsed as { messages: unknown }).messages);
  } catch {
    return false;
  }
}

export function absoluteUrl(url: string): string {
  try {
    return apply(urlHref, new NativeURL(url, location.href), []) as string;
  } catch {
    return url;
  }
}

type Base = Pick<StreamMeta, 'transport' | 'method' | 'url' | 'requestHeaders' | 'requestBody' | 'requestStartedAt'>;

/** The complete meta with the page's frame and the response time filled in. */
export function streamMeta(
  base: Base,
  response: Pick<StreamMeta, 'status' | 'statusText' | 'responseHeaders' | 'headersVisible' | 'bytes' | 'note' | 'response'>,
): StreamMeta {
  return {
    ...base,
    url: clip(base.url),
    method: stringSlice(base.method, 0, limits.method),
    ...response,
    statusText: stringSlice(response.statusText, 0, limits.shortText),
    startedAt: dateNow(),
    frameUrl: clip(location.href),
  };
}
