/**
 * Wraps the `EventSource` constructor. Page JS never sees an EventSource's bytes, so the capture
 * rebuilds SSE text from the events it dispatches: `message` always, and every other event type
 * the page listens for (found by watching `addEventListener` on captured instances).
 */
import { disguise, replaceValue } from './disguise.js';
import { openStream, type StreamSink } from './emitter.js';
import { streamMeta } from './request-info.js';
import { eventText } from './sse-text.js';

const NativeEventSource = EventSource;
const addListener = EventTarget.prototype.addEventListener;
const encoder = new TextEncoder();
const nonMessageTypes = new Set(['open', 'error']);

type Watched = { sink: StreamSink | null; types: Set<string>; lastId: string };
const watched = new WeakMap<EventSource, Watched>();

const note =
  'rebuilt from EventSource events: page JS cannot see the bytes, so comments, retry: fields and events of types nobody listens for are missing';

function listen(source: EventSource, type: string, state: Watched): void {
  if (state.types.has(type) || nonMessageTypes.has(type)) return;
  state.types.add(type);
  Reflect.apply(addListener, source, [
    type,
    (event: Event) => {
      if (!state.sink || !(event instanceof MessageEvent)) return;
      state.sink.chunk(encoder.encode(eventText(event.type, String(event.data), event.lastEventId, state.lastId)));
      state.lastId = event.lastEventId;
    },
  ]);
}

function watch(source: EventSource): void {
  const state: Watched = { sink: null, types: new Set(), lastId: '' };
  watched.set(source, state);
  Reflect.apply(addListener, source, [
    'open',
    () => {
      state.sink ??= openStream(
        streamMeta(
          { transport: 'eventsource', method: 'GET', url: source.url, requestHeaders: {}, requestBody: null },
          { status: 200, statusText: '', responseHeaders: {}, bytes: 'events', note },
        ),
      );
    },
  ]);
  Reflect.apply(addListener, source, [
    'error',
    () => {
      if (source.readyState === NativeEventSource.CLOSED) state.sink?.end('error', 'EventSource closed after an error');
    },
  ]);
  listen(source, 'message', state);
}

export function installEventSourceHook(): void {
  const proto = NativeEventSource.prototype;
  const Wrapper = function EventSource(this: unknown, ...args: unknown[]) {
    if (new.target === undefined) return Reflect.apply(NativeEventSource, this, args);
    const target = (new.target as unknown) === Wrapper ? NativeEventSource : new.target;
    const source = Reflect.construct(NativeEventSource, args, target) as EventSource;
    try {
      watch(source);
    } catch {
      // capture must never change what the page gets
    }
    return source;
  } as unknown as typeof EventSource;
  for (const key of Reflect.ownKeys(NativeEventSource)) {
    if (key === 'name' || key === 'length') continue;
    Object.defineProperty(Wrapper, key, Object.getOwnPropertyDescriptor(NativeEventSource, key)!);
  }
  Object.setPrototypeOf(Wrapper, Object.getPrototypeOf(NativeEventSource));
  Object.defineProperty(proto, 'constructor', { ...Object.getOwnPropertyDescriptor(proto, 'constructor'), value: Wrapper });
  Object.defineProperty(window, 'EventSource', {
    ...Object.getOwnPropertyDescriptor(window, 'EventSource'),
    value: disguise(Wrapper, NativeEventSource),
  });

  replaceValue(EventTarget.prototype, 'addEventListener', (native) => ({
    addEventListener(this: EventTarget, ...args: unknown[]) {
      const state = watched.get(this as EventSource);
      if (state && typeof args[0] === 'string') {
        try {
          listen(this as EventSource, args[0], state);
        } catch {
          // capture must never change what the page gets
        }
      }
      return Reflect.apply(native, this, args);
    },
  }).addEventListener as never);

  replaceValue(proto, 'close', (native) => ({
    close(this: EventSource) {
      const result = Reflect.apply(native, this, []);
      watched.get(this)?.sink?.end('cancelled');
      return result;
    },
  }).close);
}
