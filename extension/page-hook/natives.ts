/**
 * The built-ins the hook calls, saved when it is installed (before any page script runs). A page
 * may later patch any prototype or global; the hook never looks a method up at call time where
 * the page could have replaced it, so a patched built-in can neither break a capture (and with it
 * the page's own read) nor watch one (and learn a stream id or reach a stream's sink).
 */
export const { apply, construct, defineProperty, getOwnPropertyDescriptor, getPrototypeOf } = Reflect;

const getterOf = (proto: object, key: string) => getOwnPropertyDescriptor(proto, key)!.get!;
/** A method of `proto` as a plain function taking its receiver first. */
function unbound<A extends unknown[], R>(fn: (...args: A) => R): (self: unknown, ...args: A) => R {
  return (self, ...args) => apply(fn, self, args);
}

export const NativePromise = Promise;
/** `promise.then(onFulfilled, onRejected)` with the original `then` (not named `then`: a module exporting that is a thenable). */
export const chain = unbound(Promise.prototype.then) as <T, R>(
  promise: Promise<T>,
  onFulfilled?: ((value: T) => R | PromiseLike<R>) | null,
  onRejected?: ((error: unknown) => R | PromiseLike<R>) | null,
) => Promise<R>;
export const rejected = Promise.reject.bind(Promise) as (error: unknown) => Promise<never>;

const typedArrayProto = getPrototypeOf(Uint8Array.prototype) as object;
const byteLengthGetter = getterOf(typedArrayProto, 'byteLength');
const typedArraySet = Uint8Array.prototype.set;
export const NativeUint8Array = Uint8Array;
export const setBytes = (target: Uint8Array, source: Uint8Array, offset: number): void => void apply(typedArraySet, target, [source, offset]);
export const byteLength = (view: ArrayBufferView): number => apply(byteLengthGetter, view, []) as number;
/** A copy of `length` bytes of `bytes` from `start`, made without `slice`/`subarray` (which look
 * up the page's `constructor` and `Symbol.species`), in a buffer of its own so it can be transferred. */
export function copyBytes(bytes: Uint8Array, start: number, length: number): Uint8Array<ArrayBuffer> {
  const copy = new NativeUint8Array(length);
  const source = start === 0 && length === byteLength(bytes) ? bytes : new NativeUint8Array(bufferOf(bytes), byteOffset(bytes) + start, length);
  apply(typedArraySet, copy, [source]);
  return copy;
}
const bufferGetter = getterOf(typedArrayProto, 'buffer');
const byteOffsetGetter = getterOf(typedArrayProto, 'byteOffset');
export const bufferOf = (view: ArrayBufferView): ArrayBufferLike => apply(bufferGetter, view, []) as ArrayBufferLike;
export const byteOffset = (view: ArrayBufferView): number => apply(byteOffsetGetter, view, []) as number;

export const NativeReadableStream = ReadableStream;
export const getReader = unbound(ReadableStream.prototype.getReader) as (stream: ReadableStream<Uint8Array>) => ReadableStreamDefaultReader<Uint8Array>;
export const cancelStream = unbound(ReadableStream.prototype.cancel) as (stream: ReadableStream, reason?: unknown) => Promise<void>;
export const isLocked = unbound(getterOf(ReadableStream.prototype, 'locked')) as (stream: ReadableStream) => boolean;
export const read = unbound(ReadableStreamDefaultReader.prototype.read) as (reader: ReadableStreamDefaultReader<Uint8Array>) => Promise<ReadableStreamReadResult<Uint8Array>>;
export const releaseLock = unbound(ReadableStreamDefaultReader.prototype.releaseLock) as (reader: ReadableStreamDefaultReader) => void;
export const cancelReader = unbound(ReadableStreamDefaultReader.prototype.cancel) as (reader: ReadableStreamDefaultReader, reason?: unknown) => Promise<void>;
export const enqueue = unbound(ReadableByteStreamController.prototype.enqueue) as (controller: ReadableByteStreamController, chunk: ArrayBufferView) => void;
export const closeController = unbound(ReadableByteStreamController.prototype.close) as (controller: ReadableByteStreamController) => void;
export const byobRequest = unbound(getterOf(ReadableByteStreamController.prototype, 'byobRequest')) as (controller: ReadableByteStreamController) => ReadableStreamBYOBRequest | null;
export const respond = unbound(ReadableStreamBYOBRequest.prototype.respond) as (request: ReadableStreamBYOBRequest, bytesWritten: number) => void;

const arrayFrom = Array.from;
const NativeArray = Array;
/** `items[from…to)` as a new array, built without anything a page could patch (no iterator, no
 * species, no inherited index setter). */
export function listFrom<T>(items: { readonly [index: number]: T }, from: number, to: number): T[] {
  return apply(arrayFrom, NativeArray, [{ __proto__: null, length: to > from ? to - from : 0 }, (_: unknown, index: number) => items[from + index]]) as T[];
}

/** An object without a prototype: writing a key can never reach a setter the page defined, and
 * reading a missing one never reaches a getter. */
export const bare = <T extends object>(): T => ({ __proto__: null }) as unknown as T;
export const record = <V>(): Record<string, V> => bare<Record<string, V>>();

export const stringSlice = unbound(String.prototype.slice);
export const regexExec = unbound(RegExp.prototype.exec);
export const regexTest = unbound(RegExp.prototype.test);
export const indexOf = unbound(String.prototype.indexOf);
export const toLowerCase = unbound(String.prototype.toLowerCase);
export const jsonParse = JSON.parse;
export const hasOwn = Object.hasOwn;
export const isArray = Array.isArray;
export const dateNow = Date.now;
export const encodeText = unbound(TextEncoder.prototype.encode).bind(null, new TextEncoder()) as (text: string) => Uint8Array<ArrayBuffer>;
export const decodeBytes = unbound(TextDecoder.prototype.decode).bind(null, new TextDecoder()) as (bytes: Uint8Array) => string;

const weakMapGet = WeakMap.prototype.get;
const weakMapSet = WeakMap.prototype.set;
/** A WeakMap whose reads and writes cannot be watched through `WeakMap.prototype`. */
export function privateMap<K extends object, V>() {
  const map = new WeakMap<K, V>();
  return {
    get: (key: unknown): V | undefined => apply(weakMapGet, map, [key]) as V | undefined,
    set: (key: K, value: V): void => void apply(weakMapSet, map, [key, value]),
  };
}

const setHas = Set.prototype.has;
const setAdd = Set.prototype.add;
const setDelete = Set.prototype.delete;
const setSize = getterOf(Set.prototype, 'size');
const setValues = Set.prototype.values;
const iteratorNext = (getPrototypeOf(new Set().values()) as Iterator<unknown>).next;
/** A Set of at most `max` strings that forgets the oldest, private like `privateMap`. */
export function boundedSet(max: number) {
  const set = new Set<string>();
  return {
    has: (value: string): boolean => apply(setHas, set, [value]) as boolean,
    add(value: string): void {
      if (apply(setHas, set, [value])) return;
      if ((apply(setSize, set, []) as number) >= max) {
        const oldest = apply(iteratorNext, apply(setValues, set, []), []) as IteratorResult<string>;
        apply(setDelete, set, [oldest.value]);
      }
      apply(setAdd, set, [value]);
    },
  };
}

const NativeDOMException = DOMException;
const domExceptionName = getterOf(NativeDOMException.prototype, 'name');
const domExceptionMessage = getterOf(NativeDOMException.prototype, 'message');
const NativeError = Error;
const isError = (NativeError as { isError?: (value: unknown) => boolean }).isError;
const nativeErrorProtos = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError].map((type) => type.prototype as object);
function isNativeErrorProto(proto: object): boolean {
  for (let index = 0; index < nativeErrorProtos.length; index++) if (nativeErrorProtos[index] === proto) return true;
  return false;
}
const ownString = (target: object, key: string): string | undefined => {
  const value = getOwnPropertyDescriptor(target, key)?.value;
  return typeof value === 'string' ? value : undefined;
};

/** Whether `value` is an error. `Error.isError` runs no page code even for a Proxy; engines without
 * it (Node 20, older browsers) walk the prototype chain, which a Proxy's trap would see. */
function isErrorObject(value: object): boolean {
  if (isError) return isError(value);
  for (let proto = getPrototypeOf(value) as object | null; proto !== null; proto = getPrototypeOf(proto) as object | null) {
    if (isNativeErrorProto(proto)) return true;
  }
  return false;
}

/**
 * `name` and `message` of a page-supplied error (an abort reason, a stream's error), read without
 * running page code: a DOMException through its native getters, an Error from its own data
 * properties; anything else only by its type. Null for a value that is not an error.
 */
export function errorParts(error: unknown): { name: string; message: string } | null {
  if (typeof error !== 'object' || error === null) return null;
  try {
    return { name: apply(domExceptionName, error, []) as string, message: apply(domExceptionMessage, error, []) as string };
  } catch {
    // not a DOMException
  }
  if (!isErrorObject(error)) return null;
  const proto = getPrototypeOf(error) as object | null;
  const name = ownString(error, 'name') ?? (proto && isNativeErrorProto(proto) ? ownString(proto, 'name') : undefined) ?? 'Error';
  return { name, message: ownString(error, 'message') ?? '' };
}

const captureStackTrace = (NativeError as { captureStackTrace?: (target: object, below?: Function) => void }).captureStackTrace;
/** A function never on the stack: capturing "below" it keeps no frame at all. */
const nowhere = () => undefined;
/** This script's address as stack frames show it (`chrome-extension://…/page-hook.js`). */
const ownScript = /[a-z-]+-extension:\/\/[^\s)]+?\.js/.exec(String(new NativeError().stack))?.[0] ?? null;
const firstFrame = /\n\s+at [^\n]*/;

/** `stack` without its lines in this script. */
function withoutOwnFrames(stack: string, script: string): string {
  let kept = '';
  let from = 0;
  while (from <= stack.length) {
    const end = indexOf(stack, '\n', from);
    const line = stringSlice(stack, from, end === -1 ? stack.length : end);
    if (indexOf(line, script) === -1) kept += (from === 0 ? '' : '\n') + line;
    if (end === -1) break;
    from = end + 1;
  }
  return kept;
}

/**
 * Gives an error that went through `wrapper` the stack it has without the extension. Raised by
 * the platform inside the wrapper: recaptured below it, so it holds the page's frames only
 * (`false`: none at all, as for an error raised outside any script). Thrown by page code the
 * wrapper called (a getter read while converting an argument): the wrapper's frames are taken
 * out of its text. A page with its own `Error.prepareStackTrace` (whose output we cannot edit)
 * and engines without V8's stack API are left alone.
 */
export function pageStack(error: unknown, wrapper: Function | false): void {
  if (ownScript === null || typeof error !== 'object' || error === null || !isErrorObject(error)) return;
  if ((NativeError as { prepareStackTrace?: unknown }).prepareStackTrace !== undefined) return;
  try {
    const descriptor = getOwnPropertyDescriptor(error, 'stack');
    if (!descriptor?.get || !descriptor.set) return;
    const stack: unknown = apply(descriptor.get, error, []);
    if (typeof stack !== 'string' || indexOf(stack, ownScript) === -1) return;
    const frame = regexExec(firstFrame, stack)?.[0];
    if (frame !== undefined && indexOf(frame, ownScript) !== -1) restack(error, wrapper);
    else apply(descriptor.set, error, [withoutOwnFrames(stack, ownScript)]);
  } catch {
    // a frozen error keeps its stack
  }
}

/** Keeps no frame of an error the hook raised itself where the platform raises it outside any
 * script (a `json()` body that does not parse). */
export function withoutFrames(error: unknown): void {
  if (typeof error === 'object' && error !== null) restack(error, false);
}

function restack(error: object, wrapper: Function | false): void {
  try {
    captureStackTrace?.(error, wrapper || nowhere);
  } catch {
    // a frozen error keeps its stack
  }
}


