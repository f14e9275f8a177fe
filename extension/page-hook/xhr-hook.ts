/**
 * Wraps `XMLHttpRequest.prototype.open/setRequestHeader/send`. A streaming XHR's bytes are read
 * back from `responseText` as it grows (re-encoded as UTF-8), or taken whole at the end for
 * `arraybuffer` responses.
 */
import { replaceValue } from './disguise.js';
import { openStream, type StreamSink } from './emitter.js';
import { isEventStream } from './is-stream.js';
import { absoluteUrl, bodyNote, bodyText, clip, streamMeta } from './request-info.js';
import { limits } from '../shared/hops.js';

const addListener = EventTarget.prototype.addEventListener;
const encoder = new TextEncoder();
const proto = XMLHttpRequest.prototype;
const HEADERS_RECEIVED = 2;

type Request = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  sink: StreamSink | null;
  seen: number;
};
const requests = new WeakMap<XMLHttpRequest, Request>();
const listening = new WeakSet<XMLHttpRequest>();

function responseHeaders(xhr: XMLHttpRequest): Record<string, string> {
  const record: Record<string, string> = {};
  const lines = xhr.getAllResponseHeaders().trim().split(/[\r\n]+/).slice(0, limits.headers);
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) record[clip(line.slice(0, colon).trim())] = clip(line.slice(colon + 1).trim());
  }
  return record;
}

function start(xhr: XMLHttpRequest, request: Request): void {
  if (!isEventStream(xhr.getResponseHeader('content-type'), xhr.getResponseHeader('x-vercel-ai-ui-message-stream'))) return;
  const textual = xhr.responseType === '' || xhr.responseType === 'text';
  const note = textual
    ? 'rebuilt from XMLHttpRequest.responseText: bytes are the UTF-8 encoding of the decoded text'
    : xhr.responseType === 'arraybuffer'
      ? 'XMLHttpRequest arraybuffer response: captured whole when it ended'
      : `XMLHttpRequest responseType "${xhr.responseType}": body not captured`;
  request.sink = openStream(
    streamMeta(
      { transport: 'xhr', method: request.method, url: absoluteUrl(request.url), requestHeaders: request.headers, requestBody: bodyText(request.body) },
      { status: xhr.status, statusText: xhr.statusText, responseHeaders: responseHeaders(xhr), bytes: textual ? 'text' : 'wire', note: bodyNote(request.body) ?? note },
    ),
  );
}

function flush(xhr: XMLHttpRequest, request: Request): void {
  if (!request.sink || (xhr.responseType !== '' && xhr.responseType !== 'text')) return;
  const text = xhr.responseText;
  if (text.length > request.seen) {
    request.sink.chunk(encoder.encode(text.slice(request.seen)));
    request.seen = text.length;
  }
}

function finish(xhr: XMLHttpRequest, request: Request, outcome: 'complete' | 'cancelled' | 'error', error?: string): void {
  if (!request.sink) return;
  flush(xhr, request);
  if (outcome === 'complete' && xhr.responseType === 'arraybuffer' && xhr.response instanceof ArrayBuffer) {
    request.sink.chunk(new Uint8Array(xhr.response));
  }
  request.sink.end(outcome, error);
}

function listen(xhr: XMLHttpRequest): void {
  if (listening.has(xhr)) return;
  listening.add(xhr);
  const on = (type: string, handler: (request: Request) => void) =>
    Reflect.apply(addListener, xhr, [
      type,
      () => {
        const request = requests.get(xhr);
        if (!request) return;
        try {
          handler(request);
        } catch {
          // capture must never change what the page gets
        }
      },
    ]);
  on('readystatechange', (request) => {
    if (xhr.readyState === HEADERS_RECEIVED && !request.sink) start(xhr, request);
    else flush(xhr, request);
  });
  on('progress', (request) => flush(xhr, request));
  on('load', (request) => finish(xhr, request, 'complete'));
  on('abort', (request) => finish(xhr, request, 'cancelled'));
  on('error', (request) => finish(xhr, request, 'error', 'network error'));
  on('timeout', (request) => finish(xhr, request, 'error', 'timeout'));
}

export function installXhrHook(): void {
  replaceValue(proto, 'open', (native) => ({
    open(this: XMLHttpRequest, ...args: unknown[]) {
      const result = Reflect.apply(native, this, args);
      requests.set(this, { method: String(args[0]).toUpperCase(), url: String(args[1]), headers: {}, body: null, sink: null, seen: 0 });
      return result;
    },
  }).open as never);
  replaceValue(proto, 'setRequestHeader', (native) => ({
    setRequestHeader(this: XMLHttpRequest, ...args: unknown[]) {
      const result = Reflect.apply(native, this, args);
      const request = requests.get(this);
      if (request && Object.keys(request.headers).length < limits.headers) {
        const name = clip(String(args[0]).toLowerCase());
        request.headers[name] = clip(request.headers[name] ? `${request.headers[name]}, ${args[1]}` : String(args[1]));
      }
      return result;
    },
  }).setRequestHeader as never);
  replaceValue(proto, 'send', (native) => ({
    send(this: XMLHttpRequest, ...args: unknown[]) {
      const request = requests.get(this);
      if (request) {
        request.body = args[0];
        try {
          listen(this);
        } catch {
          // capture must never change what the page gets
        }
      }
      return Reflect.apply(native, this, args);
    },
  }).send as never);
}
