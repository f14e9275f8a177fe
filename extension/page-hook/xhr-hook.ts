/**
 * Wraps `XMLHttpRequest.prototype.open/setRequestHeader/send`. A streaming XHR's bytes are read
 * back from `responseText` as it grows (re-encoded as UTF-8), or taken whole at the end for
 * `arraybuffer` responses. A chat request (a POST whose JSON body has `messages`) answered with
 * anything but an event stream is captured whole at its end, as a `non-stream` response.
 * Everything is read through the built-ins saved at install, and only values the platform
 * already converted (the method, URL and header arguments are converted once, here, and passed on
 * as strings).
 */
import { NativeUint8Array, apply, dateNow, encodeText, getOwnPropertyDescriptor, indexOf, listFrom, pageStack, privateMap, record, stringSlice, toLowerCase } from './natives.js';
import { replaceValue } from './disguise.js';
import { openStream, type StreamSink } from './emitter.js';
import { isEventStream } from './is-stream.js';
import { absoluteUrl, bodyNote, bodyText, clip, isChatBody, streamMeta } from './request-info.js';
import { limits } from '../shared/hops.js';

const addListener = EventTarget.prototype.addEventListener;
const proto = XMLHttpRequest.prototype;
const getter = (key: string) => getOwnPropertyDescriptor(proto, key)!.get!;
const xhr = {
  getResponseHeader: proto.getResponseHeader,
  getAllResponseHeaders: proto.getAllResponseHeaders,
  responseType: getter('responseType'),
  readyState: getter('readyState'),
  status: getter('status'),
  statusText: getter('statusText'),
  responseText: getter('responseText'),
  response: getter('response'),
  responseURL: getter('responseURL'),
};
const NativeURL = URL;
const urlOrigin = getOwnPropertyDescriptor(URL.prototype, 'origin')!.get!;
/** The document's origin, read before any page script could shadow `origin`. */
const pageOrigin = self.origin;

/** A cross-origin answer shows page script only the headers CORS exposes. */
function headersVisible(request: XMLHttpRequest): { headersVisible?: 'cors' } {
  try {
    return apply(urlOrigin, new NativeURL(read(request, 'responseURL') as string), []) === pageOrigin ? {} : { headersVisible: 'cors' };
  } catch {
    return {};
  }
}
const isArrayBuffer = (value: unknown): value is ArrayBuffer => {
  try {
    apply(getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!, value, []);
    return true;
  } catch {
    return false;
  }
};
const HEADERS_RECEIVED = 2;

type Request = {
  method: string;
  url: string;
  headers: { [name: string]: string };
  headerCount: number;
  body: unknown;
  sink: StreamSink | null;
  /** Epoch ms of `send()`. */
  sentAt: number | undefined;
  /** Captured whole at the end: a chat request answered without a stream. */
  whole: boolean;
  seen: number;
};
const requests = privateMap<XMLHttpRequest, Request>();
const listening = privateMap<XMLHttpRequest, true>();

const read = <K extends keyof typeof xhr>(request: XMLHttpRequest, key: K, args: unknown[] = []) => apply(xhr[key], request, args);

function responseHeaders(request: XMLHttpRequest): Record<string, string> {
  const result = record<string>();
  const text = read(request, 'getAllResponseHeaders') as string;
  let count = 0;
  for (let from = 0; from < text.length && count < limits.headers; ) {
    const end = indexOf(text, '\r\n', from);
    const line = stringSlice(text, from, end === -1 ? text.length : end);
    from = end === -1 ? text.length : end + 2;
    const colon = indexOf(line, ':');
    if (colon <= 0) continue;
    result[clip(stringSlice(line, 0, colon))] = clip(stringSlice(line, colon + 2));
    count++;
  }
  return result;
}

function textual(request: XMLHttpRequest): boolean {
  const type = read(request, 'responseType');
  return type === '' || type === 'text';
}

function start(request: XMLHttpRequest, state: Request): void {
  const stream = isEventStream(read(request, 'getResponseHeader', ['content-type']) as string | null, read(request, 'getResponseHeader', ['x-vercel-ai-ui-message-stream']) as string | null);
  if (!stream && !(state.method === 'POST' && isChatBody(typeof state.body === 'string' ? state.body : bodyText(state.body)))) return;
  const type = read(request, 'responseType') as string;
  const note = textual(request)
    ? 'rebuilt from XMLHttpRequest.responseText: bytes are the UTF-8 encoding of the decoded text'
    : type === 'arraybuffer'
      ? 'XMLHttpRequest arraybuffer response: captured whole when it ended'
      : `XMLHttpRequest responseType "${type}": body not captured`;
  state.whole = !stream;
  state.sink = openStream(
    streamMeta(
      { transport: 'xhr', method: state.method, url: absoluteUrl(state.url), requestHeaders: state.headers, requestBody: bodyText(state.body), requestStartedAt: state.sentAt },
      {
        status: read(request, 'status') as number,
        statusText: read(request, 'statusText') as string,
        responseHeaders: responseHeaders(request),
        ...headersVisible(request),
        bytes: textual(request) ? 'text' : 'wire',
        note: bodyNote(state.body) ?? note,
        ...(stream ? {} : { response: 'non-stream' as const }),
      },
    ),
  );
}

function flush(request: XMLHttpRequest, state: Request): void {
  if (!state.sink || !textual(request)) return;
  const text = read(request, 'responseText') as string;
  if (text.length > state.seen) {
    state.sink.chunk(encodeText(stringSlice(text, state.seen)));
    state.seen = text.length;
  }
}

function finish(request: XMLHttpRequest, state: Request, outcome: 'complete' | 'cancelled' | 'error', error?: string): void {
  if (!state.sink) return;
  flush(request, state);
  if (outcome === 'complete' && read(request, 'responseType') === 'arraybuffer') {
    const body = read(request, 'response');
    if (isArrayBuffer(body)) state.sink.chunk(new NativeUint8Array(body));
  }
  state.sink.end(outcome, error);
}

function listen(request: XMLHttpRequest): void {
  if (listening.get(request)) return;
  listening.set(request, true);
  const on = (type: string, handler: (state: Request) => void) =>
    apply(addListener, request, [
      type,
      () => {
        const state = requests.get(request);
        if (!state) return;
        try {
          handler(state);
        } catch (error) {
          // capture must never change what the page gets: this capture stops
          state.sink?.end('error', error);
        }
      },
    ]);
  on('readystatechange', (state) => {
    if (read(request, 'readyState') === HEADERS_RECEIVED && !state.sink) start(request, state);
    else if (!state.whole) flush(request, state);
  });
  on('progress', (state) => {
    if (!state.whole) flush(request, state);
  });
  on('load', (state) => finish(request, state, 'complete'));
  on('abort', (state) => finish(request, state, 'cancelled'));
  on('error', (state) => finish(request, state, 'error', 'network error'));
  on('timeout', (state) => finish(request, state, 'error', 'timeout'));
}

/** Replaces `name` with `wrap(native)`, keeping the page's stack on the platform's errors. */
function wrapMethod(name: 'open' | 'setRequestHeader' | 'send', wrap: (self: XMLHttpRequest, args: unknown[], native: Function) => unknown): void {
  replaceValue(proto, name, (native) => {
    const wrapper = {
      [name](this: XMLHttpRequest, ...args: unknown[]) {
        try {
          return wrap(this, args, native);
        } catch (error) {
          pageStack(error, wrapper);
          throw error;
        }
      },
    }[name];
    return wrapper as never;
  });
}

/** An object as a string (its `toString` runs once, here, with no `String` frame in a thrown
 * stack); other values as they are. */
const converted = (value: unknown) => ((typeof value === 'object' && value !== null) || typeof value === 'function' ? `${value as unknown as string}` : value);

export function installXhrHook(): void {
  wrapMethod('open', (self, args, native) => {
    if (args.length < 2) return apply(native, self, args);
    const passed = listFrom(args, 0, args.length);
    const method = (passed[0] = converted(args[0]));
    const url = (passed[1] = converted(args[1]));
    const result = apply(native, self, passed);
    requests.set(self, { method: toLowerCase(String(method)) === 'post' ? 'POST' : String(method), url: String(url), headers: record(), headerCount: 0, body: null, sink: null, sentAt: undefined, whole: false, seen: 0 });
    return result;
  });
  wrapMethod('setRequestHeader', (self, args, native) => {
    if (args.length < 2) return apply(native, self, args);
    const name = converted(args[0]);
    const value = converted(args[1]);
    const result = apply(native, self, [name, value]);
    const state = requests.get(self);
    if (state && state.headerCount < limits.headers) {
      const key = clip(toLowerCase(String(name)));
      if (state.headers[key] === undefined) state.headerCount++;
      state.headers[key] = clip(state.headers[key] !== undefined ? `${state.headers[key]}, ${String(value)}` : String(value));
    }
    return result;
  });
  wrapMethod('send', (self, args, native) => {
    const state = requests.get(self);
    if (state) {
      state.body = args[0];
      state.sentAt = dateNow();
      try {
        listen(self);
      } catch {
        // capture must never change what the page gets
      }
    }
    return apply(native, self, args);
  });
}
