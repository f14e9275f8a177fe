/**
 * Wraps the `EventSource` constructor. Page JS never sees an EventSource's bytes, so the capture
 * rebuilds SSE text from the events it dispatches: `message` always, and every other event type
 * the page listens for (found by watching `addEventListener` on captured instances).
 */
import { disguise, replaceValue } from './disguise.js';
import { openStream, type StreamSink } from './emitter.js';
import { streamMeta } from './request-info.js';
import { eventText } from './sse-text.js';
import { apply, bare, construct, dateNow, encodeText, getOwnPropertyDescriptor, pageStack, privateMap } from './natives.js';

const NativeEventSource = EventSource;
const addListener = EventTarget.prototype.addEventListener;
const getter = (proto: object, key: string) => getOwnPropertyDescriptor(proto, key)!.get!;
const sourceUrl = getter(EventSource.prototype, 'url');
const readyState = getter(EventSource.prototype, 'readyState');
const eventType = getter(Event.prototype, 'type');
const eventData = getter(MessageEvent.prototype, 'data');
const eventLastId = getter(MessageEvent.prototype, 'lastEventId');

/** Types the page listens for, one string key each (no `Set` method the page could patch). */
type Watched = { sink: StreamSink | null; types: { [type: string]: true }; lastId: string };
const watched = privateMap<EventSource, Watched>();

/** Runs a capture step; a failure ends this capture, never the page's listeners. */
function guarded(state: Watched, step: () => void): void {
  try {
    step();
  } catch (error) {
    state.sink?.end('error', error);
  }
}

const CLOSED = EventSource.CLOSED;
const note =
  'rebuilt from EventSource events: page JS cannot see the bytes, so comments, retry: fields and events of types nobody listens for are missing';

function listen(source: EventSource, type: string, state: Watched): void {
  if (state.types[type] || type === 'open' || type === 'error') return;
  state.types[type] = true;
  apply(addListener, source, [
    type,
    (event: Event) =>
      guarded(state, () => {
        if (!state.sink) return;
        // the native getters throw for an event that is not a MessageEvent
        const lastId = apply(eventLastId, event, []) as string;
        state.sink.chunk(encodeText(eventText(apply(eventType, event, []) as string, String(apply(eventData, event, [])), lastId, state.lastId)));
        state.lastId = lastId;
      }),
  ]);
}

function watch(source: EventSource): void {
  // created right after the native constructor, which opens the connection
  const sentAt = dateNow();
  const state: Watched = { sink: null, types: bare<Watched['types']>(), lastId: '' };
  watched.set(source, state);
  apply(addListener, source, [
    'open',
    () =>
      guarded(state, () => {
        state.sink ??= openStream(
          streamMeta(
            { transport: 'eventsource', method: 'GET', url: apply(sourceUrl, source, []) as string, requestHeaders: {}, requestBody: null, requestStartedAt: sentAt },
            { status: 200, statusText: '', responseHeaders: {}, bytes: 'events', note },
          ),
        );
      }),
  ]);
  apply(addListener, source, [
    'error',
    () =>
      guarded(state, () => {
        if (apply(readyState, source, []) === CLOSED) state.sink?.end('error', 'EventSource closed after an error');
      }),
  ]);
  listen(source, 'message', state);
}

export function installEventSourceHook(): void {
  const proto = NativeEventSource.prototype;
  const Wrapper = function EventSource(this: unknown, ...args: unknown[]) {
    let source: EventSource;
    try {
      if (new.target === undefined) return apply(NativeEventSource, this, args);
      const target = (new.target as unknown) === Wrapper ? NativeEventSource : new.target;
      source = construct(NativeEventSource, args, target) as EventSource;
    } catch (error) {
      pageStack(error, Wrapper);
      throw error;
    }
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

  replaceValue(EventTarget.prototype, 'addEventListener', (native) => {
    const wrapper = {
      addEventListener(this: EventTarget, ...args: unknown[]) {
        const state = watched.get(this);
        if (state && typeof args[0] === 'string') {
          try {
            listen(this as EventSource, args[0], state);
          } catch {
            // capture must never change what the page gets
          }
        }
        try {
          return apply(native, this, args);
        } catch (error) {
          pageStack(error, wrapper);
          throw error;
        }
      },
    }.addEventListener;
    return wrapper as never;
  });

  replaceValue(proto, 'close', (native) => {
    const wrapper = {
      close(this: EventSource) {
        let result: unknown;
        try {
          result = apply(native, this, []);
        } catch (error) {
          pageStack(error, wrapper);
          throw error;
        }
        watched.get(this)?.sink?.end('cancelled');
        return result;
      },
    }.close;
    return wrapper as never;
  });
}
