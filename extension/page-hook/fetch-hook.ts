/**
 * Wraps `fetch` and the body members of `Response.prototype`. A captured response stays the very
 * object `fetch` resolved to (so `url`, `redirected`, `type`, `status`, `headers`, `bodyUsed`,
 * `instanceof` are native); only its `body`, the body-consuming methods and `clone()` are routed
 * through the pass-through body. Other responses go straight to the native members.
 *
 * The page's arguments are converted once, by the platform: the wrapper builds the `Request`
 * that `fetch` would build (reading the URL object's `toString`, the init's getters and its
 * headers object once) and reads the method, URL and headers back from it. Only the body value is
 * noted on the way, as the platform reads it.
 *
 * A chat request (a POST whose JSON body has `messages`, or a request to a URL that streamed
 * before in this page) answered with anything but an event stream is captured too, whole, as a
 * `non-stream` response: from a clone the hook reads itself, so the page's response is untouched.
 */
import { isEventStream, isNullBodyStatus } from './is-stream.js';
import { openStream, type StreamSink } from './emitter.js';
import { createBodyCapture, passThrough, type BodyCapture, type PassThrough } from './body-capture.js';
import { replaceGetter, replaceValue } from './disguise.js';
import { bodyText, headersRecord, isChatBody, streamMeta } from './request-info.js';
import {
  NativePromise,
  NativeUint8Array,
  setBytes,
  apply,
  bare,
  boundedSet,
  byteLength,
  cancelReader,
  cancelStream,
  construct,
  dateNow,
  defineProperty,
  errorParts,
  getOwnPropertyDescriptor,
  getReader,
  isLocked,
  jsonParse,
  pageStack,
  privateMap,
  read,
  rejected,
  stringSlice,
  chain,
  withoutFrames,
} from './natives.js';
import { limits } from '../shared/hops.js';
import type { StreamMeta } from '../shared/messages.js';

type Captured = { capture: BodyCapture; body: PassThrough };

const NativeResponse = Response;
const NativeRequest = Request;
const NativeTypeError = TypeError;
const NativeProxy = Proxy;
const reflectGet = Reflect.get;
const pageWindow = window;
const headersGet = Headers.prototype.get;
const getter = (proto: object, key: string) => getOwnPropertyDescriptor(proto, key)!.get!;
const responseProto = Response.prototype;
const nativeBody = getter(responseProto, 'body') as (this: Response) => ReadableStream<Uint8Array> | null;
const nativeHeaders = getter(responseProto, 'headers') as (this: Response) => Headers;
const nativeStatus = getter(responseProto, 'status') as (this: Response) => number;
const nativeStatusText = getter(responseProto, 'statusText') as (this: Response) => string;
const nativeType = getter(responseProto, 'type') as (this: Response) => string;
const nativeUrl = getter(responseProto, 'url') as (this: Response) => string;
const nativeClone = responseProto.clone;
const nativeText = responseProto.text;
const requestUrl = getter(Request.prototype, 'url') as (this: Request) => string;
const requestMethod = getter(Request.prototype, 'method') as (this: Request) => string;
const requestHeaders = getter(Request.prototype, 'headers') as (this: Request) => Headers;
const requestSignal = getter(Request.prototype, 'signal') as (this: Request) => AbortSignal;
const signalAborted = getter(AbortSignal.prototype, 'aborted') as (this: AbortSignal) => boolean;
const signalReason = getter(AbortSignal.prototype, 'reason') as (this: AbortSignal) => unknown;
const addListener = EventTarget.prototype.addEventListener;
const removeListener = EventTarget.prototype.removeEventListener;
/** Firefox has no `Request.prototype.body`: there a Request object's body is not known to exist. */
const requestBody = getOwnPropertyDescriptor(Request.prototype, 'body')?.get as ((this: Request) => ReadableStream | null) | undefined;

const captured = privateMap<Response, Captured>();
/** URLs that answered with a stream in this page: a later request to one is a chat request. */
const streamedUrls = boundedSet(256);
const consumers = ['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'] as const;
const constructPrefix = "Failed to construct 'Request': ";
const fetchPrefix = "Failed to execute 'fetch' on 'Window': ";
const ignore = () => undefined;

function bodyOf(response: Response, capture: BodyCapture): PassThrough {
  return passThrough(() => apply(nativeBody, response, []) as ReadableStream<Uint8Array>, capture);
}

/**
 * Reads `stream` with the saved reader built-ins, handing each chunk to `onChunk` until it returns
 * false (the reader is then cancelled), then calls `onEnd`; a read error or a throw in either goes
 * to `onError` (the stream's own error object), never to an unhandled rejection.
 */
function drain(stream: ReadableStream<Uint8Array>, onChunk: (bytes: Uint8Array) => boolean, onEnd: () => void, onError: (error: unknown) => void): void {
  const reader = getReader(stream);
  const next = (): void =>
    void chain(
      read(reader),
      (result) => {
        try {
          if (result.done) return onEnd();
          if (onChunk(result.value)) return next();
          chain(cancelReader(reader), undefined, ignore);
          onEnd();
        } catch (error) {
          onError(error);
        }
      },
      onError,
    );
  next();
}

/** Every byte of `stream`; rejects with the stream's error. */
function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  return new NativePromise((resolve, reject) => {
    const parts = bare<{ [index: number]: Uint8Array }>();
    let count = 0;
    let size = 0;
    const onChunk = (bytes: Uint8Array) => {
      parts[count++] = bytes;
      size += byteLength(bytes);
      return true;
    };
    const onEnd = () => {
      const bytes = new NativeUint8Array(size);
      let offset = 0;
      for (let index = 0; index < count; index++) {
        setBytes(bytes, parts[index], offset);
        offset += byteLength(parts[index]);
      }
      resolve(bytes);
    };
    drain(stream, onChunk, onEnd, reject);
  });
}

/** A throwaway response whose body is locked/disturbed like `body`, for native error objects. */
function lookalike(body: PassThrough): Response {
  const response = new NativeResponse('');
  const stream = apply(nativeBody, response, []) as ReadableStream<Uint8Array>;
  if (body.disturbed) chain(cancelStream(stream), undefined, ignore);
  if (isLocked(body.stream)) getReader(stream);
  return response;
}

/** Whether `value` is a `Request`, by its native getter (a page object cannot pass for one). A
 * primitive never is: asking would cost a thrown TypeError on every `fetch(string)`. */
function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  try {
    apply(requestUrl, value, []);
    return true;
  } catch {
    return false;
  }
}

type Prepared = { request: Request; body: unknown; hadBody: boolean };

/** The init's `body` as the platform read it while building the `Request` under way. */
let noted: unknown;
/** One handler for every call (no objects made per call): it notes `body` on the way through. */
const noteBody = {
  __proto__: null,
  get(target: object, key: PropertyKey) {
    const value: unknown = reflectGet(target, key, target);
    if (key === 'body') noted = value;
    return value;
  },
} as ProxyHandler<object>;

/** What `fetch(input, init)` builds, built once here, with the init's body value as it was read. */
function prepare(args: unknown[]): Prepared {
  const input = args[0];
  const init = args[1];
  const fromRequest = isRequest(input);
  const hadBody = fromRequest && requestBody !== undefined && apply(requestBody, input, []) !== null;
  // a template literal converts as the platform does, without a `String` frame in a thrown stack
  const target = fromRequest || typeof input === 'symbol' ? input : `${input as string}`;
  if (args.length < 2 || typeof init !== 'object' || init === null) {
    return { request: construct(NativeRequest, args.length < 2 ? [target] : [target, init]) as Request, body: undefined, hadBody };
  }
  // a getter of the init may itself call fetch: the outer call's note is kept aside meanwhile
  const outer = noted;
  noted = undefined;
  try {
    const request = construct(NativeRequest, [target, new NativeProxy(init, noteBody)]) as Request;
    const body = noted;
    return { request, body, hadBody: hadBody || (body !== undefined && body !== null) };
  } finally {
    noted = outer;
  }
}

/** The error `fetch` itself rejects with where building its request failed: the platform names
 * the method in the message, not in the stack's first line. */
function fetchError(error: unknown, wrapper: Function): unknown {
  const parts = errorParts(error);
  if (parts?.name === 'TypeError' && stringSlice(parts.message, 0, constructPrefix.length) === constructPrefix) {
    const detail = stringSlice(parts.message, constructPrefix.length);
    const renamed = new NativeTypeError(detail);
    defineProperty(renamed, 'message', { __proto__: null, value: `${fetchPrefix}${detail}`, writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
    pageStack(renamed, wrapper);
    return renamed;
  }
  pageStack(error, wrapper);
  return error;
}

function isAbort(error: unknown): boolean {
  return errorParts(error)?.name === 'AbortError';
}

function requestMeta(request: Request, method: string, url: string, body: unknown, hadBody: boolean, sentAt: number) {
  const text = bodyText(body);
  return {
    base: { transport: 'fetch' as const, method, url, requestHeaders: headersRecord(apply(requestHeaders, request, []) as Headers), requestBody: text, requestStartedAt: sentAt },
    note: !hadBody || text !== null ? null : body === undefined ? 'request body not captured (a Request object)' : 'request body not captured (not text)',
  };
}

/** A chat request, for a response that is no stream: posted a chat body, or asked a URL that streamed. */
function isChatRequest(method: string, url: string, body: unknown): boolean {
  return streamedUrls.has(url) || (method === 'POST' && isChatBody(typeof body === 'string' ? body : bodyText(body)));
}

function responseMeta(response: Response, headers: Headers, status: number, type: string) {
  const meta = { status, statusText: apply(nativeStatusText, response, []) as string, responseHeaders: headersRecord(headers) };
  // a cross-origin response shows page script only the headers CORS exposes
  return type === 'cors' ? { ...meta, headersVisible: 'cors' as const } : meta;
}

/** Reads a clone of a non-stream response to its end (or past the stream cap, which the relay
 * marks truncated); the page's own response is never read. */
function captureWhole(response: Response, meta: StreamMeta): void {
  const copy = apply(nativeClone, response, []) as Response;
  const body = apply(nativeBody, copy, []) as ReadableStream<Uint8Array>;
  const sink = openStream(meta);
  let size = 0;
  const onChunk = (bytes: Uint8Array) => {
    sink.chunk(bytes);
    size += byteLength(bytes);
    return size <= limits.streamBytes;
  };
  drain(body, onChunk, () => sink.end('complete'), (error) => sink.end(isAbort(error) ? 'cancelled' : 'error', error));
}

/**
 * `sink`, also ended as cancelled when the page aborts the request. A read pending at the abort
 * ends the capture through the body's error; with none pending (the page paused between reads,
 * or never read) nothing else would, and the stream would stay live. The listener is on the
 * hook's own `Request`'s signal, which follows the page's and is never handed to the page.
 */
function endedOnAbort(sink: StreamSink, signal: AbortSignal): StreamSink {
  const onAbort = () => sink.end('cancelled', apply(signalReason, signal, []));
  if (apply(signalAborted, signal, [])) onAbort();
  else apply(addListener, signal, ['abort', onAbort]);
  return {
    chunk: sink.chunk,
    end(outcome, error) {
      apply(removeListener, signal, ['abort', onAbort]);
      sink.end(outcome, error);
    },
    get ended() {
      return sink.ended;
    },
  };
}

function watch(response: Response, request: Request, body: unknown, hadBody: boolean, sentAt: number): void {
  const type = apply(nativeType, response, []) as string;
  const status = apply(nativeStatus, response, []) as number;
  if (type === 'opaque' || type === 'opaqueredirect' || isNullBodyStatus(status) || apply(nativeBody, response, []) === null) return;
  const headers = apply(nativeHeaders, response, []) as Headers;
  const contentType = apply(headersGet, headers, ['content-type']) as string | null;
  const uiStream = apply(headersGet, headers, ['x-vercel-ai-ui-message-stream']) as string | null;
  const stream = isEventStream(contentType, uiStream);
  const method = apply(requestMethod, request, []) as string;
  const requestedUrl = apply(requestUrl, request, []) as string;
  // every other response costs only the checks above
  if (!stream && !isChatRequest(method, requestedUrl, body)) return;
  const { base, note } = requestMeta(request, method, requestedUrl, body, hadBody, sentAt);
  const meta = streamMeta({ ...base, url: (apply(nativeUrl, response, []) as string) || requestedUrl }, { ...responseMeta(response, headers, status, type), bytes: 'wire', note });
  if (!stream) return captureWhole(response, { ...meta, response: 'non-stream' });
  streamedUrls.add(requestedUrl);
  const capture = createBodyCapture(endedOnAbort(openStream(meta), apply(requestSignal, request, []) as AbortSignal));
  captured.set(response, { capture, body: bodyOf(response, capture) });
}

function hookFetch(): void {
  replaceValue(window, 'fetch', (nativeFetch) => {
    const wrapper = {
      fetch(this: unknown, ...args: unknown[]) {
        // another receiver, or no argument: the platform's own error, and nothing to capture
        if ((this !== undefined && this !== null && this !== pageWindow) || args.length === 0) return apply(nativeFetch, this, args) as Promise<Response>;
        let prepared: Prepared;
        try {
          prepared = prepare(args);
        } catch (error) {
          return rejected(fetchError(error, wrapper));
        }
        const { request, body, hadBody } = prepared;
        const sentAt = dateNow();
        const onResponse = (response: Response) => {
          try {
            watch(response, request, body, hadBody, sentAt);
          } catch {
            // capture must never change what the page gets
          }
          return response;
        };
        return chain(apply(nativeFetch, this, [request]) as Promise<Response>, onResponse);
      },
    }.fetch;
    return wrapper as typeof fetch;
  });
}

/** Runs a body method of a captured response: reads the pass-through in JS, so a read error
 * (abort reason, network error) rejects as the same object, then lets the native method decode
 * the bytes (BOM, blob type, JSON, form parsing) from a carrier response. */
function consume(response: Response, name: (typeof consumers)[number], native: Function, args: unknown[]): Promise<unknown> {
  const headers = apply(nativeHeaders, response, []);
  return new NativePromise((resolve, reject) => {
    chain(
      readAll(captured.get(response)!.body.stream),
      (bytes) => {
        try {
          const carrier = new NativeResponse(bytes, { __proto__: null, headers } as ResponseInit);
          // native json() on a body already in memory parses inside the call, and its error
          // message would name it ("Failed to execute 'json'…"): parse text as it would later
          if (name !== 'json') return void chain(apply(native, carrier, args) as Promise<unknown>, resolve, reject);
          chain(
            apply(nativeText, carrier, []) as Promise<string>,
            (text) => {
              try {
                resolve(jsonParse(text));
              } catch (error) {
                withoutFrames(error);
                reject(error);
              }
            },
            reject,
          );
        } catch (error) {
          reject(error);
        }
      },
      reject,
    );
  });
}

function hookResponse(): void {
  replaceGetter(responseProto, 'body', (native) => {
    const wrapper = getOwnPropertyDescriptor(
      {
        get body() {
          const entry = captured.get(this);
          if (entry) return entry.body.stream;
          try {
            return apply(native, this, []);
          } catch (error) {
            pageStack(error, wrapper);
            throw error;
          }
        },
      },
      'body',
    )!.get! as (this: Response) => unknown;
    return wrapper;
  });

  for (const name of consumers) {
    if (typeof responseProto[name] !== 'function') continue;
    replaceValue(responseProto, name, (native) => {
      const method = {
        [name](this: Response, ...args: unknown[]) {
          const entry = captured.get(this);
          if (!entry) return apply(native as Function, this, args);
          const { body } = entry;
          if (body.disturbed || isLocked(body.stream)) return apply(native as Function, lookalike(body), args);
          return consume(this, name, native as Function, args);
        },
      }[name];
      return method as never;
    });
  }

  replaceValue(responseProto, 'clone', () => {
    const wrapper = {
      clone(this: Response) {
        try {
          return cloneResponse(this);
        } catch (error) {
          pageStack(error, wrapper);
          throw error;
        }
      },
    }.clone;
    return wrapper;
  });
}

function cloneResponse(response: Response): Response {
  const entry = captured.get(response);
  if (!entry) return apply(nativeClone, response, []) as Response;
  const { body, capture } = entry;
  if (body.disturbed || isLocked(body.stream)) return apply(nativeClone, lookalike(body), []) as Response;
  const copy = apply(nativeClone, response, []) as Response;
  capture.branches++;
  captured.set(copy, { capture, body: bodyOf(copy, capture) });
  // the clone replaced this response's body with a tee branch, and left the old stream locked
  entry.body = bodyOf(response, capture);
  getReader(body.stream);
  return copy;
}

export function installFetchHook(): void {
  hookResponse();
  hookFetch();
}
