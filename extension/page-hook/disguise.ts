/**
 * Replacing a built-in so the page cannot tell: the wrapper keeps the original's `name`,
 * `length` and property attributes, and `Function.prototype.toString` reports the original's
 * source (`function fetch() { [native code] }`) for it.
 */
import { apply, pageStack, privateMap } from './natives.js';

const nativeToString = Function.prototype.toString;
const originals = privateMap<Function, Function>();

/** Makes `wrapper` look like `original` to reflection. */
export function disguise<T extends Function>(wrapper: T, original: Function): T {
  Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
  Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
  originals.set(wrapper, original);
  return wrapper;
}

/** Installs the `toString` that answers for disguised functions; call once, first. */
export function installToStringMask(): void {
  const mask = {
    toString(this: Function): string {
      try {
        return apply(nativeToString, originals.get(this) ?? this, []) as string;
      } catch (error) {
        pageStack(error, mask);
        throw error;
      }
    },
  }.toString;
  replaceValue(Function.prototype, 'toString', () => mask);
}

/** Replaces a data property (a method) keeping its attributes. */
export function replaceValue<T extends object, K extends keyof T & string>(
  target: T,
  key: K,
  make: (original: T[K]) => T[K],
): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor || typeof descriptor.value !== 'function') return;
  const wrapper = make(descriptor.value as T[K]) as unknown as Function;
  Object.defineProperty(target, key, { ...descriptor, value: disguise(wrapper, descriptor.value) });
}

/** Replaces an accessor's getter keeping its attributes. */
export function replaceGetter<T extends object>(
  target: T,
  key: string,
  make: (original: (this: T) => unknown) => (this: T) => unknown,
): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor?.get) return;
  const wrapper = make(descriptor.get as (this: T) => unknown);
  Object.defineProperty(target, key, { ...descriptor, get: disguise(wrapper, descriptor.get) });
}
