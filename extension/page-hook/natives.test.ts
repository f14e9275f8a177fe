import { afterEach, describe, expect, it } from 'vitest';
import { boundedSet, copyBytes, errorParts, listFrom, privateMap } from './natives.js';
import { isChatBody } from './request-info.js';

/** Restorers, in a Set: the tests poison the Array built-ins an array would need. */
const undo = new Set<() => void>();
function restore(): void {
  undo.forEach((restorer) => restorer());
  undo.clear();
}
afterEach(restore);

/** Makes `key` of `target` throw while a test runs, as a hostile page would. */
function poison(target: object, key: PropertyKey): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, {
    configurable: true,
    get() {
      throw new Error(`page patched ${String(key)}`);
    },
    set() {
      throw new Error(`page patched ${String(key)}`);
    },
  });
  undo.add(() => (descriptor ? Object.defineProperty(target, key, descriptor) : delete (target as Record<PropertyKey, unknown>)[key]));
}

describe('built-ins saved at install', () => {
  it('copies a byte range into a buffer of its own, whatever the page did to typed arrays', () => {
    const source = new Uint8Array([0, 1, 2, 3, 4, 5]);
    const view = new Uint8Array(source.buffer, 1, 4);
    const typed = Object.getPrototypeOf(Uint8Array.prototype) as object;
    // nothing but the code under test runs while these are broken
    for (const key of ['slice', 'subarray', 'set', 'buffer', 'byteLength', 'byteOffset']) poison(typed, key);
    poison(Uint8Array, Symbol.species);
    const copy = copyBytes(view, 1, 2);
    restore();
    expect([...copy]).toEqual([2, 3]);
    expect(copy.buffer).not.toBe(source.buffer);
    expect(copy.buffer.byteLength).toBe(2);
  });

  it('builds lists and keeps maps without reaching the page through Array or WeakMap prototypes', () => {
    poison(Array.prototype, '0');
    poison(Array.prototype, Symbol.iterator);
    poison(WeakMap.prototype, 'get');
    poison(WeakMap.prototype, 'set');
    const items = { __proto__: null, 0: 'a', 1: 'b', 2: 'c' } as unknown as { [index: number]: string };
    const list = listFrom(items, 1, 3);
    const map = privateMap<object, string>();
    const key = {};
    map.set(key, 'sink');
    const found = map.get(key);
    restore();
    expect(list).toEqual(['b', 'c']);
    expect(found).toBe('sink');
  });

  it('forgets the oldest entry of a bounded set', () => {
    const set = boundedSet(2);
    set.add('a');
    set.add('b');
    set.add('a');
    set.add('c');
    expect([set.has('a'), set.has('b'), set.has('c')]).toEqual([false, true, true]);
  });
});

describe('errorParts', () => {
  it('reads DOMExceptions and errors without running page code', () => {
    expect(errorParts(new DOMException('stop', 'AbortError'))).toEqual({ name: 'AbortError', message: 'stop' });
    expect(errorParts(new TypeError('bad'))).toMatchObject({ message: 'bad' });
    expect(errorParts(new (class Custom extends Error {})('mine'))).toEqual({ name: 'Error', message: 'mine' });
    const traps: string[] = [];
    const withGetters = Object.defineProperties(new Error(), { message: { get: () => traps.push('message') }, name: { get: () => traps.push('name') } });
    expect(errorParts(withGetters)).toEqual({ name: 'Error', message: '' });
    expect(errorParts({ name: 'AbortError' })).toBeNull();
    expect(errorParts('text')).toBeNull();
    expect(traps).toEqual([]);
  });
});

describe('isChatBody', () => {
  it('knows an AI SDK chat body by its messages list', () => {
    expect(isChatBody(JSON.stringify({ id: 'c', messages: [{ role: 'user', parts: [] }], trigger: 'submit-message' }))).toBe(true);
    expect(isChatBody(JSON.stringify({ messages: 'no' }))).toBe(false);
    expect(isChatBody(JSON.stringify([{ messages: [] }]))).toBe(false);
    expect(isChatBody('{"messages": [')).toBe(false);
    expect(isChatBody('{"query":"no"}')).toBe(false);
    expect(isChatBody(null)).toBe(false);
  });
});
