/**
 * Wraps `fetch` and the body members of `Response.prototype`. A captured response stays the very
 * object `fetch` resolved to (so `url`, `redirected`, `type`, `status`, `headers`, `bodyUsed`,
 * `instanceof` are native); only its `body`, the body-consuming methods and `clone()` are routed
 * through the pass-through body. Other responses go straight to the native members.
 */
import { isEventStream, isNullBodyStatus } from './is-stream.js';
import { openStream } from './emitter.js';
import { createBodyCapture, passThrough, type BodyCapture, type PassThrough } from './body-capture.js';
import { replaceGetter, replaceValue } from './disguise.js';
import { absoluteUrl, bodyNote, bodyText, headersRecord, initHeaders, streamMeta } from './request-info.js';

type Captured = { capture: BodyCapture; body: PassThrough };

const NativeResponse = Response;
const NativeRequest = Request;
const promiseThen = Promise.prototype.then;
const headersGet = Headers.prototype.get;
const responseProto = Response.prototype;
const getter = (key: string) => Object.getOwnPropertyDescriptor(responseProto, key)!.get!;
const nativeBody = getter('body') as (this: Response) => ReadableStream<Uint8Array>;
const nativeHeaders = getter('headers') as (this: Response) => Headers;
const nativeStatus = getter('status') as (this: Response) => number;
const nativeStatusText = getter('statusText') as (this: Response) => string;
const nativeType = getter('type') as (this: Response) => string;
const nativeUrl = getter('url') as (this: Response) => string;
const nativeClone = responseProto.clone;
const nativeText = responseProto.text;
const jsonParse = JSON.parse;
const parseJson = (text: string): unknown => jsonParse(text);

const getReader = ReadableStream.prototype.getReader;
const read = ReadableStreamDefaultReader.prototype.read;

const captured = new WeakMap<Response, Captured>();
const consumers = ['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'] as const;

function bodyOf(response: Response, capture: BodyCapture): PassThrough {
  return passThrough(() => Reflect.apply(nativeBody, response, []), capture);
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const reader = Reflect.apply(getReader, stream, []) as ReadableStreamDefaultReader<Uint8Array>;
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = (await Reflect.apply(read, reader, [])) as ReadableStreamReadResult<Uint8Array>;
    if (done) break;
    parts.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/** A throwaway response whose body is locked/disturbed like `body`, for native error objects. */
function lookalike(body: PassThrough): Response {
  const response = new NativeResponse('');
  const stream = Reflect.apply(nativeBody, response, []);
  if (body.disturbed) void stream.cancel();
  if (body.stream.locked) stream.getReader();
  return response;
}

function requestBase(args: unknown[]) {
  const [input, init] = args as [unknown, RequestInit | undefined];
  const request = input instanceof NativeRequest ? input : null;
  const method = String(init?.method ?? request?.method ?? 'GET');
  const body = init?.body;
  return {
    transport: 'fetch' as const,
    method: /^(delete|get|head|options|post|put|patch)$/i.test(method) ? method.toUpperCase() : method,
    url: request ? request.url : absoluteUrl(String(input)),
    requestHeaders: init?.headers !== undefined ? initHeaders(init.headers) : request ? headersRecord(request.headers) : {},
    requestBody: bodyText(body),
    note: request?.body && body === undefined ? 'request body not captured (a Request object)' : bodyNote(body),
  };
}

function watch(response: Response, args: unknown[]): void {
  if (!(response instanceof NativeResponse)) return;
  const type = Reflect.apply(nativeType, response, []);
  const status = Reflect.apply(nativeStatus, response, []);
  if (type === 'opaque' || type === 'opaqueredirect' || isNullBodyStatus(status)) return;
  const headers = Reflect.apply(nativeHeaders, response, []);
  const contentType = Reflect.apply(headersGet, headers, ['content-type']) as string | null;
  const uiStream = Reflect.apply(headersGet, headers, ['x-vercel-ai-ui-message-stream']) as string | null;
  if (!isEventStream(contentType, uiStream) || Reflect.apply(nativeBody, response, []) === null) return;
  const { note, ...base } = requestBase(args);
  const sink = openStream(
    streamMeta(
      { ...base, url: Reflect.apply(nativeUrl, response, []) || base.url },
      { status, statusText: Reflect.apply(nativeStatusText, response, []), responseHeaders: headersRecord(headers), bytes: 'wire', note },
    ),
  );
  const capture = createBodyCapture(sink);
  captured.set(response, { capture, body: bodyOf(response, capture) });
}

function hookFetch(): void {
  replaceValue(window, 'fetch', (nativeFetch) => {
    const onResponse = (args: unknown[]) => (response: Response) => {
      try {
        watch(response, args);
      } catch {
        // capture must never change what the page gets
      }
      return response;
    };
    return {
      fetch(this: unknown, ...args: unknown[]) {
        const pending = Reflect.apply(nativeFetch, this, args) as Promise<Response>;
        return Reflect.apply(promiseThen, pending, [onResponse(args)]) as Promise<Response>;
      },
    }.fetch as typeof fetch;
  });
}

function hookResponse(): void {
  replaceGetter(responseProto, 'body', (native) =>
    Object.getOwnPropertyDescriptor(
      {
        get body() {
          const entry = captured.get(this as unknown as Response);
          return entry ? entry.body.stream : Reflect.apply(native, this, []);
        },
      },
      'body',
    )!.get!,
  );

  for (const name of consumers) {
    if (typeof responseProto[name] !== 'function') continue;
    replaceValue(responseProto, name, (native) => {
      const method = {
        [name](this: Response, ...args: unknown[]) {
          const entry = captured.get(this);
          if (!entry) return Reflect.apply(native as Function, this, args);
          const { body } = entry;
          if (body.disturbed || body.stream.locked) return Reflect.apply(native as Function, lookalike(body), args);
          const headers = Reflect.apply(nativeHeaders, this, []);
          // read in JS so a read error (abort reason, network error) rejects as the same object,
          // then let the native method decode the bytes (BOM, blob type, JSON, form parsing)
          return Reflect.apply(promiseThen, readAll(body.stream), [
            (bytes: Uint8Array<ArrayBuffer>) => {
              const carrier = new NativeResponse(bytes, { headers });
              // native json() on a body already in memory parses inside the call, and its error
              // message would name it ("Failed to execute 'json'…"): parse text as it would later
              if (name === 'json') return Reflect.apply(promiseThen, Reflect.apply(nativeText, carrier, []), [parseJson]);
              return Reflect.apply(native as Function, carrier, args);
            },
          ]);
        },
      }[name];
      return method as never;
    });
  }

  replaceValue(responseProto, 'clone', () => ({
    clone(this: Response) {
      const entry = captured.get(this);
      if (!entry) return Reflect.apply(nativeClone, this, []);
      const { body, capture } = entry;
      if (body.disturbed || body.stream.locked) return Reflect.apply(nativeClone, lookalike(body), []);
      const copy = Reflect.apply(nativeClone, this, []) as Response;
      capture.branches++;
      captured.set(copy, { capture, body: bodyOf(copy, capture) });
      // the clone replaced this response's body with a tee branch, and left the old stream locked
      entry.body = bodyOf(this, capture);
      body.stream.getReader();
      return copy;
    },
  }).clone);
}

export function installFetchHook(): void {
  hookResponse();
  hookFetch();
}
