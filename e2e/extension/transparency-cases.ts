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
];
