/**
 * Page code that observes a response in every way a page can. Each case runs in a page with the
 * extension and in one without; the two results must be equal. Results hold no timings or chunk
 * counts (those vary run to run), only what a page's logic depends on.
 */
export type Case = { name: string; run: (base: string) => Promise<unknown> };

export const cases: Case[] = [
  {
    name: 'text()',
    run: async (base) => {
      const response = await fetch(`${base}/stream/basic`);
      return { text: await response.text(), used: response.bodyUsed };
    },
  },
  {
    name: 'json() of an event-stream body',
    run: async (base) => (await fetch(`${base}/stream/json-body`)).json(),
  },
  {
    name: 'json() that fails to parse',
    run: async (base) => {
      const shape = (error: Error) => ({ name: error?.name, message: error?.message });
      return (await fetch(`${base}/stream/basic`)).json().catch(shape);
    },
  },
  {
    name: 'arrayBuffer() and bytes()',
    run: async (base) => {
      const a = await (await fetch(`${base}/stream/split-utf8`)).arrayBuffer();
      const b = await (await fetch(`${base}/stream/split-utf8`)).bytes();
      return { a: [...new Uint8Array(a)], b: [...b], bIsUint8: b instanceof Uint8Array };
    },
  },
  {
    name: 'blob() keeps type and size',
    run: async (base) => {
      const blob = await (await fetch(`${base}/stream/basic?type=${encodeURIComponent('Text/Event-Stream; charset=UTF-8')}`)).blob();
      return { type: blob.type, size: blob.size, text: await blob.text() };
    },
  },
  {
    name: 'formData() rejects',
    run: async (base) => {
      const shape = (error: Error) => ({ name: error?.name, message: error?.message, tag: Object.prototype.toString.call(error) });
      return (await fetch(`${base}/stream/basic`)).formData().then(() => 'resolved', shape);
    },
  },
  {
    name: 'getReader() loop',
    run: async (base) => {
      const response = await fetch(`${base}/stream/heartbeats`);
      const reader = response.body!.getReader();
      const before = response.bodyUsed;
      const parts: number[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(...value);
      }
      return { before, after: response.bodyUsed, locked: response.body!.locked, text: new TextDecoder().decode(new Uint8Array(parts)) };
    },
  },
  {
    name: 'BYOB reader',
    run: async (base) => {
      const response = await fetch(`${base}/stream/split-utf8`);
      let reader: ReadableStreamBYOBReader;
      try {
        reader = response.body!.getReader({ mode: 'byob' });
      } catch (error) {
        return { byob: false, name: (error as Error).name };
      }
      const out: number[] = [];
      for (;;) {
        const { done, value } = await reader.read(new Uint8Array(7));
        if (done) break;
        out.push(...value!);
      }
      return { byob: true, text: new TextDecoder().decode(new Uint8Array(out)) };
    },
  },
  {
    name: 'pipeThrough(TextDecoderStream)',
    run: async (base) => {
      const response = await fetch(`${base}/stream/split-utf8`);
      let text = '';
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += value;
      }
      return text;
    },
  },
  {
    name: 'pipeTo(WritableStream)',
    run: async (base) => {
      const response = await fetch(`${base}/stream/basic`);
      let size = 0;
      await response.body!.pipeTo(new WritableStream({ write: (chunk) => void (size += chunk.byteLength) }));
      return { size, used: response.bodyUsed };
    },
  },
  {
    name: 'async iteration',
    run: async (base) => {
      const response = await fetch(`${base}/stream/basic`);
      const decoder = new TextDecoder();
      let text = '';
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk, { stream: true });
      return text;
    },
  },
  {
    name: 'clone(): both copies read',
    run: async (base) => {
      const response = await fetch(`${base}/stream/basic`);
      const copy = response.clone();
      const [a, b] = await Promise.all([response.text(), copy.text()]);
      return { a, b, url: copy.url, type: copy.type, redirected: copy.redirected, status: copy.status, ct: copy.headers.get('content-type') };
    },
  },
  {
    name: 'clone(): only the copy read',
    run: async (base) => {
      const response = await fetch(`${base}/stream/basic`);
      const copy = response.clone();
      return { text: await copy.text(), originalUsed: response.bodyUsed, copyUsed: copy.bodyUsed };
    },
  },
  {
    name: 'clone() after reading throws',
    run: async (base) => {
      const response = await fetch(`${base}/stream/basic`);
      await response.text();
      try {
        response.clone();
        return 'cloned';
      } catch (error) {
        return { name: (error as Error).name, message: (error as Error).message };
      }
    },
  },
  {
    name: 'text() twice, and text() on a locked body',
    run: async (base) => {
      const shape = (error: Error) => ({ name: error?.name, message: error?.message, tag: Object.prototype.toString.call(error) });
      const once = await fetch(`${base}/stream/basic`);
      await once.text();
      const twice = await once.text().catch(shape);
      const locked = await fetch(`${base}/stream/basic`);
      locked.body!.getReader();
      return { twice, locked: await locked.text().catch(shape), lockedUsed: locked.bodyUsed };
    },
  },
  {
    name: 'body identity and bodyUsed timing',
    run: async (base) => {
      const response = await fetch(`${base}/stream/basic`);
      const same = response.body === response.body;
      const before = response.bodyUsed;
      const pending = response.text();
      const during = response.bodyUsed;
      await pending;
      return { same, before, during, after: response.bodyUsed, isStream: response.body instanceof ReadableStream };
    },
  },
  {
    name: 'abort before the response',
    run: async (base) => {
      const shape = (error: Error) => ({ name: error?.name, message: error?.message, tag: Object.prototype.toString.call(error) });
      const controller = new AbortController();
      const pending = fetch(`${base}/stream/basic`, { signal: controller.signal });
      controller.abort();
      return pending.then(() => 'resolved', shape);
    },
  },
  {
    name: 'abort during the body: the same reason object',
    run: async (base) => {
      const controller = new AbortController();
      const response = await fetch(`${base}/hang`, { signal: controller.signal });
      const reader = response.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      const reason = new Error('user stop');
      controller.abort(reason);
      const error = await reader.read().then(() => null, (error) => error);
      return { first, same: error === reason, message: (error as Error)?.message };
    },
  },
  {
    name: 'abort during text()',
    run: async (base) => {
      const shape = (error: Error) => ({ name: error?.name, message: error?.message, tag: Object.prototype.toString.call(error) });
      const controller = new AbortController();
      const response = await fetch(`${base}/hang`, { signal: controller.signal });
      const pending = response.text().then(() => 'resolved', shape);
      setTimeout(() => controller.abort(), 30);
      return { result: await pending, signal: controller.signal.reason?.name };
    },
  },
  {
    name: 'cancel() mid-stream',
    run: async (base) => {
      const response = await fetch(`${base}/hang`);
      const reader = response.body!.getReader();
      await reader.read();
      await reader.cancel('done reading');
      const after = await reader.read();
      return { done: after.done, used: response.bodyUsed };
    },
  },
  {
    name: 'network error in the body',
    run: async (base) => {
      const shape = (error: Error) => ({ name: error?.name, message: error?.message, tag: Object.prototype.toString.call(error) });
      const response = await fetch(`${base}/cut`);
      const reader = response.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      for (;;) {
        const result = await reader.read().catch(shape);
        if ('done' in result) {
          if (result.done) return { first, ended: 'cleanly' };
          continue;
        }
        return { first, error: result };
      }
    },
  },
  {
    name: 'network error before the response',
    run: async () => {
      const shape = (error: Error) => ({ name: error?.name, message: error?.message, tag: Object.prototype.toString.call(error) });
      return fetch('http://127.0.0.1:9/').then(() => 'resolved', shape);
    },
  },
  {
    name: 'redirect',
    run: async (base) => {
      const response = await fetch(`${base}/redirect/basic`);
      return { url: response.url.replace(base, ''), redirected: response.redirected, status: response.status, type: response.type, text: await response.text() };
    },
  },
  {
    name: 'non-SSE response',
    run: async (base) => {
      const response = await fetch(`${base}/json`);
      return { json: await response.json(), header: response.headers.get('x-test'), used: response.bodyUsed, type: response.type };
    },
  },
  {
    name: 'content-type variants and the UI message stream header',
    run: async (base) => {
      const variant = async (path: string) => {
        const response = await fetch(`${base}${path}`);
        return { ct: response.headers.get('content-type'), text: await response.text() };
      };
      return [
        await variant(`/stream/basic?type=${encodeURIComponent('TEXT/EVENT-STREAM;charset=utf-8')}`),
        await variant(`/stream/basic?type=${encodeURIComponent('text/plain')}`),
        await variant('/vercel-header/x'),
      ];
    },
  },
  {
    name: 'error status with a stream body',
    run: async (base) => {
      const response = await fetch(`${base}/stream/basic?status=500`);
      return { ok: response.ok, status: response.status, statusText: response.statusText, text: await response.text() };
    },
  },
  {
    name: 'response object shape',
    run: async (base) => {
      const response = await fetch(`${base}/stream/basic`);
      let setError = '';
      try {
        response.headers.set('x', 'y');
      } catch (error) {
        setError = (error as Error).name;
      }
      const result = {
        own: Object.getOwnPropertyNames(response),
        proto: Object.getPrototypeOf(response) === Response.prototype,
        instance: response instanceof Response,
        constructor: response.constructor === Response,
        tag: Object.prototype.toString.call(response),
        headers: [...response.headers.keys()].filter((key) => key !== 'date'),
        setError,
      };
      await response.body!.cancel();
      return result;
    },
  },
  {
    name: 'wrapped built-ins look native',
    run: async () => {
      const describe = (fn: Function) => ({
        str: fn.toString(),
        viaProto: Function.prototype.toString.call(fn),
        name: fn.name,
        length: fn.length,
        hasPrototype: 'prototype' in fn,
        proto: Object.getPrototypeOf(fn) === Function.prototype,
        own: Object.getOwnPropertyNames(fn).sort(),
      });
      const body = Object.getOwnPropertyDescriptor(Response.prototype, 'body')!;
      let constructError = '';
      try {
        new (fetch as unknown as new () => unknown)();
      } catch (error) {
        constructError = (error as Error).name;
      }
      return {
        fetch: describe(fetch),
        text: describe(Response.prototype.text),
        clone: describe(Response.prototype.clone),
        body: describe(body.get!),
        toString: describe(Function.prototype.toString),
        addEventListener: describe(EventTarget.prototype.addEventListener),
        open: describe(XMLHttpRequest.prototype.open),
        eventSource: { str: EventSource.toString(), length: EventSource.length, statics: [EventSource.CONNECTING, EventSource.OPEN, EventSource.CLOSED], own: Object.getOwnPropertyNames(EventSource).sort() },
        descriptors: JSON.stringify([Object.getOwnPropertyDescriptor(window, 'fetch'), Object.getOwnPropertyDescriptor(Response.prototype, 'text')].map((d) => d && { ...d, value: typeof d.value })),
        constructError,
        callWithoutNew: (() => {
          try {
            (EventSource as unknown as () => void)();
            return 'no error';
          } catch (error) {
            return (error as Error).message;
          }
        })(),
      };
    },
  },
  {
    name: 'page message listeners see nothing',
    run: async (base) => {
      const seen: unknown[] = [];
      const listener = (event: MessageEvent) => seen.push(typeof event.data === 'object' ? Object.keys(event.data ?? {}) : event.data);
      window.addEventListener('message', listener);
      window.addEventListener('message', listener, true);
      await (await fetch(`${base}/stream/basic`)).text();
      window.postMessage('mine', '*');
      await new Promise((resolve) => setTimeout(resolve, 0));
      await new Promise<void>((resolve) => {
        const check = () => (seen.includes('mine') ? resolve() : setTimeout(check, 5));
        check();
      });
      window.removeEventListener('message', listener);
      window.removeEventListener('message', listener, true);
      return seen;
    },
  },
  {
    name: 'POST with a Request object',
    run: async (base) => {
      const request = new Request(`${base}/chat?deltas=3&pause=0`, { method: 'POST', body: JSON.stringify({ messages: [1, 2] }), headers: { 'content-type': 'application/json' } });
      const response = await fetch(request);
      return { used: request.bodyUsed, messages: response.headers.get('x-messages'), text: await response.text() };
    },
  },
  {
    name: 'EventSource with event:, id: and retry:',
    run: async (base) => {
      const source = new EventSource(`${base}/es`);
      const events: unknown[] = [];
      const shape = (event: MessageEvent) => ({ type: event.type, data: event.data, id: event.lastEventId, instance: event instanceof MessageEvent });
      source.addEventListener('custom', (event) => events.push(shape(event as MessageEvent)));
      source.onmessage = (event) => events.push(shape(event));
      await new Promise<void>((resolve) => {
        source.addEventListener('custom', (event) => {
          if ((event as MessageEvent).data === 'last') resolve();
        });
      });
      source.close();
      return { events, instance: source instanceof EventSource, constructor: source.constructor === EventSource, state: source.readyState, url: source.url.replace(base, '') };
    },
  },
  {
    name: 'EventSource subclass',
    run: async (base) => {
      class Tracked extends EventSource {
        tag = 'tracked';
      }
      const source = new Tracked(`${base}/es`);
      const first = await new Promise<string>((resolve) => (source.onmessage = (event) => resolve(event.data)));
      source.close();
      return { first, tag: source.tag, instance: source instanceof Tracked && source instanceof EventSource };
    },
  },
  {
    name: 'XMLHttpRequest with onprogress',
    run: async (base) => {
      const xhr = new XMLHttpRequest();
      const states: number[] = [];
      let progressed = false;
      let grewMonotonically = true;
      let last = 0;
      await new Promise<void>((resolve) => {
        xhr.onreadystatechange = () => {
          if (states[states.length - 1] !== xhr.readyState) states.push(xhr.readyState);
        };
        xhr.onprogress = () => {
          progressed = true;
          if (xhr.responseText.length < last) grewMonotonically = false;
          last = xhr.responseText.length;
        };
        xhr.onloadend = () => resolve();
        xhr.open('GET', `${base}/stream/heartbeats`);
        xhr.setRequestHeader('x-test', '1');
        xhr.send();
      });
      return { states, progressed, grewMonotonically, status: xhr.status, text: xhr.responseText, ct: xhr.getResponseHeader('content-type') };
    },
  },
  {
    name: 'AI SDK DefaultChatTransport streams a reply',
    run: async (base) => {
      const { DefaultChatTransport, readUIMessageStream } = (window as unknown as { aiClient: typeof import('ai') }).aiClient;
      const transport = new DefaultChatTransport({ api: `${base}/chat?deltas=30&pause=1` });
      const stream = await transport.sendMessages({
        chatId: 'c1',
        messageId: undefined,
        messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] }],
        trigger: 'submit-message',
        abortSignal: undefined,
      });
      let last: unknown;
      for await (const message of readUIMessageStream({ stream })) last = message;
      return last;
    },
  },
  // The hook never changes the page's outcome, even where the page patched the built-ins the
  // capture itself would call (issue 13).
  {
    name: 'a page that patched the typed-array methods reads its stream',
    run: async (base) => {
      const proto = Uint8Array.prototype as unknown as Record<string, unknown>;
      const typed = Object.getPrototypeOf(Uint8Array.prototype) as Record<string, unknown>;
      const saved = Object.getOwnPropertyDescriptors(typed);
      const broken = () => {
        throw new Error('patched by the page');
      };
      for (const name of ['slice', 'subarray', 'set', 'map', 'fill']) proto[name] = typed[name] = broken;
      Object.defineProperty(typed, 'byteLength', { get: broken, configurable: true });
      Object.defineProperty(typed, 'buffer', { get: broken, configurable: true });
      try {
        const text = await (await fetch(`${base}/stream/heartbeats`)).text();
        const reader = (await fetch(`${base}/stream/basic`)).body!.pipeThrough(new TextDecoderStream()).getReader();
        let read = '';
        for (let result = await reader.read(); !result.done; result = await reader.read()) read += result.value;
        return { text, read };
      } finally {
        for (const name of ['slice', 'subarray', 'set', 'map', 'fill']) delete proto[name];
        Object.defineProperties(typed, saved);
      }
    },
  },
  {
    name: 'a page that patched Promise.prototype.then and TextEncoder reads as before',
    run: async (base) => {
      const then = Promise.prototype.then;
      const encode = TextEncoder.prototype.encode;
      let thens = 0;
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => errors.push(String(event.message));
      const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      Promise.prototype.then = function (this: Promise<unknown>, ...args: unknown[]) {
        thens++;
        return Reflect.apply(then, this, args);
      } as typeof then;
      TextEncoder.prototype.encode = () => {
        throw new Error('patched by the page');
      };
      try {
        const response = await fetch(`${base}/stream/heartbeats`);
        const text = await response.text();
        const source = new EventSource(`${base}/es`);
        const events: string[] = [];
        await new Promise<void>((resolve) => {
          source.onmessage = (event) => events.push(event.data);
          source.addEventListener('custom', (event) => (event as MessageEvent).data === 'last' && resolve());
        });
        source.close();
        return { text, events, thens, errors };
      } finally {
        Promise.prototype.then = then;
        TextEncoder.prototype.encode = encode;
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
    },
  },
  {
    // the capture checks these two streams' bytes (transparency.spec.ts): the hook's own rules
    // (which response is a stream, how EventSource events are framed) must not use them either
    name: 'a page that replaced every String.prototype method reads as before',
    run: async (base) => {
      const proto = String.prototype as unknown as Record<string, unknown>;
      const saved = Object.getOwnPropertyDescriptors(String.prototype);
      const names = Object.getOwnPropertyNames(String.prototype).filter((name) => name !== 'constructor' && name !== 'length' && typeof proto[name] === 'function');
      const broken = () => {
        throw new Error('patched by the page');
      };
      for (let index = 0; index < names.length; index++) proto[names[index]] = broken;
      try {
        const text = await (await fetch(`${base}/stream/basic?page=patched-strings`)).text();
        const source = new EventSource(`${base}/es?page=patched-strings`);
        const events: string[] = [];
        await new Promise<void>((resolve) => {
          source.onmessage = (event) => (events[events.length] = event.data);
          source.addEventListener('custom', (event) => {
            events[events.length] = (event as MessageEvent).data;
            if ((event as MessageEvent).data === 'last') resolve();
          });
        });
        source.close();
        return { text, events };
      } finally {
        Object.defineProperties(String.prototype, saved);
      }
    },
  },
  {
    name: 'stream ids and sinks cannot be learned through patched built-ins',
    run: async (base) => {
      const apply = Reflect.apply;
      const hasOwn = Object.prototype.hasOwnProperty;
      const leaked = new Set<string>();
      const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
      const keys = ['streamId', 'sink', 'capture', 'messages'];
      let scanning = false;
      // looks at what a patched built-in was handed, calling no patched built-in itself
      const scan = (value: unknown, depth = 0): void => {
        if (typeof value === 'string' && apply(RegExp.prototype.test, uuid, [value])) leaked.add('id');
        if (typeof value !== 'object' || value === null || depth > 2) return;
        for (let index = 0; index < keys.length; index++) if (apply(hasOwn, value, [keys[index]])) leaked.add(keys[index]);
        if (Array.isArray(value)) for (let index = 0; index < Math.min(value.length, 8); index++) scan(value[index], depth + 1);
      };
      // no spread, rest or destructuring: each would call the patched iterator again
      const watch = (self: unknown, result?: unknown, args?: unknown[]) => {
        if (scanning) return;
        scanning = true;
        scan(self);
        scan(result);
        for (let index = 0; args && index < args.length; index++) scan(args[index]);
        scanning = false;
      };
      const undo: (() => void)[] = [];
      const spy = (target: Record<PropertyKey, unknown>, key: PropertyKey) => {
        const original = target[key] as (...args: unknown[]) => unknown;
        target[key] = function (this: unknown, ...args: unknown[]) {
          const result = apply(original, this, args);
          watch(this, result, args);
          return result;
        };
        undo[undo.length] = () => (target[key] = original);
      };
      let text: string;
      try {
        const arrays = Array.prototype as unknown as Record<PropertyKey, unknown>;
        for (const key of ['push', 'slice', 'flatMap', 'map', 'concat', 'splice', Symbol.iterator]) spy(arrays, key);
        spy(Object.getPrototypeOf([][Symbol.iterator]()), 'next');
        for (const key of ['get', 'set', 'has']) spy(WeakMap.prototype as unknown as Record<string, unknown>, key);
        spy(Reflect as unknown as Record<string, unknown>, 'apply');
        spy(window as unknown as Record<string, unknown>, 'postMessage');
        const setters: { target: object; key: string }[] = [
          { target: Array.prototype, key: '0' },
          { target: Array.prototype, key: '1' },
          { target: Object.prototype, key: 'error' },
          { target: Object.prototype, key: 'streamId' },
        ];
        for (let index = 0; index < setters.length; index++) {
          const { target, key } = setters[index];
          Object.defineProperty(target, key, {
            configurable: true,
            set(value) {
              watch(this, value);
              Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
            },
          });
          undo[undo.length] = () => delete (target as Record<string, unknown>)[key];
        }
        // long enough (about 180 ms) for the hook to post while the page still reads
        text = await (await fetch(`${base}/stream/heartbeats`)).text();
        const controller = new AbortController();
        const response = await fetch(`${base}/hang`, { signal: controller.signal });
        const reader = response.body!.getReader();
        await reader.read();
        controller.abort(new Error('stop'));
        await reader.read().catch(() => undefined);
      } finally {
        for (let index = undo.length - 1; index >= 0; index--) undo[index]();
      }
      return { text, leaked: [...leaked].sort() };
    },
  },
  {
    name: 'page-supplied values are read once: a URL object, init getters, a headers object',
    run: async (base) => {
      const reads: Record<string, number> = {};
      const count = (key: string) => void (reads[key] = (reads[key] ?? 0) + 1);
      const url = { toString: () => (count('url'), `${base}/chat?deltas=2&pause=0`) };
      const headers = {
        get 'content-type'() {
          count('header');
          return 'application/json';
        },
      };
      const init = {
        get method() {
          count('method');
          return 'POST';
        },
        get headers() {
          count('headers');
          return headers;
        },
        get body() {
          count('body');
          return JSON.stringify({ messages: [{ role: 'user' }] });
        },
      };
      const response = await fetch(url as unknown as string, init);
      return { reads, status: response.status, messages: response.headers.get('x-messages'), text: await response.text() };
    },
  },
  {
    // the capture checks both request bodies (transparency.spec.ts)
    name: 'an init getter that calls fetch itself: both requests as before',
    run: async (base) => {
      let inner: Promise<string> | undefined;
      const init = {
        method: 'POST',
        body: JSON.stringify({ messages: ['outer'] }),
        get headers() {
          inner ??= fetch(`${base}/chat?deltas=1&pause=0&nested=inner`, { method: 'POST', body: JSON.stringify({ messages: ['inner', 'inner'] }) }).then((response) => response.text());
          return { 'content-type': 'application/json' };
        },
      };
      const outer = await fetch(`${base}/chat?deltas=1&pause=0&nested=outer`, init);
      return { outer: [outer.headers.get('x-messages'), await outer.text()], inner: await inner };
    },
  },
  {
    name: "a Request's getters are not called by anyone but the page",
    run: async (base) => {
      const proto = Request.prototype;
      const saved = Object.getOwnPropertyDescriptors(proto);
      const reads: Record<string, number> = {};
      for (const key of ['url', 'method', 'headers', 'body', 'bodyUsed', 'signal']) {
        const native = saved[key].get!;
        Object.defineProperty(proto, key, {
          ...saved[key],
          get(this: Request) {
            reads[key] = (reads[key] ?? 0) + 1;
            return Reflect.apply(native, this, []);
          },
        });
      }
      try {
        const request = new Request(`${base}/chat?deltas=2&pause=0`, { method: 'POST', body: JSON.stringify({ messages: [] }), headers: { 'content-type': 'application/json' } });
        const response = await fetch(request);
        return { reads, text: await response.text() };
      } finally {
        Object.defineProperties(proto, saved);
      }
    },
  },
  {
    name: 'XMLHttpRequest arguments with toString are converted once',
    run: async (base) => {
      const reads = { url: 0, value: 0 };
      const xhr = new XMLHttpRequest();
      await new Promise<void>((resolve) => {
        xhr.onloadend = () => resolve();
        xhr.open('GET', { toString: () => (reads.url++, `${base}/stream/basic`) } as unknown as string);
        xhr.setRequestHeader('x-test', { toString: () => (reads.value++, '1') } as unknown as string);
        xhr.send();
      });
      return { reads, text: xhr.responseText };
    },
  },
  {
    name: 'errors thrown through the wrappers carry the same stack',
    run: async (base) => {
      const stackOf = (run: () => unknown) => {
        try {
          run();
          return 'no error';
        } catch (error) {
          return String((error as Error).stack);
        }
      };
      const captured = await fetch(`${base}/stream/basic`);
      await captured.text();
      const xhr = new XMLHttpRequest();
      return {
        eventSource: stackOf(() => new EventSource('http://[')),
        eventSourceCall: stackOf(() => (EventSource as unknown as () => void)()),
        xhrSend: stackOf(() => xhr.send()),
        xhrOpenPageError: stackOf(() =>
          xhr.open('GET', {
            toString() {
              throw new Error('thrown by the page');
            },
          } as unknown as string),
        ),
        toStringOfObject: stackOf(() => Function.prototype.toString.call({})),
        bodyGetter: stackOf(() => Object.getOwnPropertyDescriptor(Response.prototype, 'body')!.get!.call({})),
        cloneAfterRead: stackOf(() => captured.clone()),
        addEventListener: stackOf(() => (window.addEventListener as unknown as (type: string) => void)('x')),
        fetchGetWithBody: await fetch(`${base}/stream/basic`, { method: 'GET', body: 'x' }).then(
          () => 'resolved',
          (error) => [error.message, String(error.stack), Object.getOwnPropertyDescriptor(error, 'message')],
        ),
        fetchBadUrl: await fetch('http://[').then(
          () => 'resolved',
          (error) => [error.message, String(error.stack)],
        ),
        json: await (await fetch(`${base}/stream/basic`)).json().then(
          () => 'resolved',
          (error) => String(error.stack),
        ),
      };
    },
  },
  // A chat request answered without a stream is captured, and the page gets its response exactly
  // as before (issue 9).
  {
    name: 'chat request answered 500 JSON: status, headers and json() as before',
    run: async (base) => {
      const response = await fetch(`${base}/reply/500?type=json`, { method: 'POST', body: JSON.stringify({ id: 'c1', messages: [{ role: 'user', parts: [] }] }), headers: { 'content-type': 'application/json' } });
      const before = { used: response.bodyUsed, locked: response.body?.locked };
      const during = response.json();
      const usedDuring = response.bodyUsed;
      const json = await during;
      return { status: response.status, ok: response.ok, statusText: response.statusText, ct: response.headers.get('content-type'), before, usedDuring, json, after: response.bodyUsed, again: await response.text().catch((error) => error.message) };
    },
  },
  {
    name: 'chat request answered 404 HTML: reader, BYOB reader and clone read as before',
    run: async (base) => {
      const post = () => fetch(`${base}/reply/404?type=html`, { method: 'POST', body: JSON.stringify({ messages: [] }) });
      const decode = (parts: number[]) => new TextDecoder().decode(new Uint8Array(parts));
      const first = await post();
      const reader = first.body!.getReader();
      const parts: number[] = [];
      for (let result = await reader.read(); !result.done; result = await reader.read()) parts.push(...result.value);
      const second = await post();
      const byob = second.body!.getReader({ mode: 'byob' });
      const bytes: number[] = [];
      for (let result = await byob.read(new Uint8Array(16)); !result.done; result = await byob.read(new Uint8Array(16))) bytes.push(...result.value);
      const third = await post();
      const copy = third.clone();
      const [a, b] = await Promise.all([third.text(), copy.arrayBuffer()]);
      return { reader: decode(parts), byob: decode(bytes), clone: [a, new TextDecoder().decode(b)], used: [first.bodyUsed, second.bodyUsed, third.bodyUsed, copy.bodyUsed], status: third.status };
    },
  },
  {
    name: 'chat request answered 200 JSON and left unread, then cancelled',
    run: async (base) => {
      const response = await fetch(`${base}/reply/200?type=json`, { method: 'POST', body: JSON.stringify({ messages: [1] }) });
      const untouched = { used: response.bodyUsed, locked: response.body!.locked, same: response.body === response.body };
      await response.body!.cancel();
      return { untouched, used: response.bodyUsed, text: await response.text().catch((error) => error.name) };
    },
  },
  {
    name: 'a URL that streamed before answers 500 JSON',
    run: async (base) => {
      const url = `${base}/flip/${Math.random().toString(36).slice(2)}`;
      const first = await (await fetch(url, { method: 'POST', body: 'hello' })).text();
      const again = await fetch(url, { method: 'POST', body: 'hello' });
      return { first, status: again.status, json: await again.json() };
    },
  },
  {
    name: 'chat request by XMLHttpRequest answered 500 JSON',
    run: async (base) => {
      const xhr = new XMLHttpRequest();
      const states: number[] = [];
      await new Promise<void>((resolve) => {
        xhr.onreadystatechange = () => states.push(xhr.readyState);
        xhr.onloadend = () => resolve();
        xhr.open('POST', `${base}/reply/500?type=json`);
        xhr.setRequestHeader('content-type', 'application/json');
        xhr.send(JSON.stringify({ messages: [{ role: 'user' }] }));
      });
      return { states, status: xhr.status, text: xhr.responseText, ct: xhr.getResponseHeader('content-type') };
    },
  },
  {
    name: 'AI SDK DefaultChatTransport on a failed chat throws the body text',
    run: async (base) => {
      const { DefaultChatTransport } = (window as unknown as { aiClient: typeof import('ai') }).aiClient;
      const transport = new DefaultChatTransport({ api: `${base}/reply/500?type=json` });
      return transport
        .sendMessages({
          chatId: 'c2',
          messageId: undefined,
          messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] }],
          trigger: 'submit-message',
          abortSignal: undefined,
        })
        .then(
          () => 'resolved',
          (error: Error) => ({ name: error.name, message: error.message }),
        );
    },
  },
];
