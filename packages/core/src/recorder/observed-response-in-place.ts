// A streamed answer watched in place, where only JavaScript reads a Response
// (Node): the app keeps its very Response and its very body stream, and each
// chunk is seen as the app's reader hands it over. No Response is built around
// a stream of ours (~40 µs in Node) and no second stream sits on every chunk.
// Reading by getReader() or async iteration, as SDKs do, is seen where it
// reads. From the first other way of reading (tee, pipeTo, pipeThrough,
// text(), json(), clone(), …), or once nobody reads (not begun by the next
// task, or a reader released and none taken by the next: an SDK that stops at
// an error event), a stream of ours reads the body, ahead of the app as in
// other runtimes, and the body's and the Response's own methods read on from
// it: the app sees the same bytes in order, and the call still ends.
// The shadows are made once per class and find each body's state in a WeakMap.
import type { StreamFormat } from "../providers/types.ts";
import { streamThrough } from "../stream/observe-stream.ts";
import { createStreamWatch, type StreamObserver, type StreamOutcome, type StreamWatch } from "../stream/stream-watch.ts";
import { chunkDecoder } from "../stream/utf8-chunks.ts";
import { observedResponse as aroundStreamOfOurs } from "./observed-response.ts";
import { rebuiltResponse } from "./rebuilt-response.ts";
import { afterTheApp } from "./schedule.ts";
import { runtimeReads } from "./watch-body.ts";

type Body = ReadableStream<Uint8Array>;
type Reader = ReadableStreamDefaultReader<Uint8Array>;
type Read = ReadableStreamReadResult<Uint8Array>;
type Method = (this: unknown, ...args: unknown[]) => unknown;

interface Watched {
  body: Body;
  response: Response;
  watch: StreamWatch;
  /** its end, an error or a cancel seen: nothing more to watch */
  over?: boolean;
  /** a reader of ours was handed out */
  read?: boolean;
  /** once a stream of ours reads the body: the Response around it, whose body and methods the app's then are */
  around?: Response;
}
const bodies = new WeakMap<object, Watched>();
const responses = new WeakMap<object, Watched>();

/** a reader of a watched body: whether the app released it (its reads are then no longer the body's), and what sees its reads, made once */
interface ReaderState {
  w: Watched;
  released: boolean;
  read: Method;
  saw(read: Read): Read;
  failed(error: unknown): never;
}
const readers = new WeakMap<object, ReaderState>();
const COMPLETE = { kind: "complete" } as const;
function readerState(w: Watched, reader: Reader): ReaderState {
  const state: ReaderState = {
    w,
    released: false,
    read: inherited(reader, "read"),
    saw(read) {
      if (!read.done) w.watch.seen(read.value);
      else if (!w.over) (w.over = true), w.watch.finish(COMPLETE);
      return read;
    },
    failed(error) {
      // a read cut short by the app's own releaseLock is no failure of the body
      if (!state.released) (w.over = true), w.watch.finish({ kind: "errored", error });
      throw error;
    },
  };
  return state;
}

/**
 * A watched object (the Response, its body, a reader of it) gets as its prototype one that holds the shadows and
 * inherits from its own: one per class, so every watched object of a class shares one shape and the runtime's code
 * that reads them keeps its fast paths (shadows defined on each object made each a slow dictionary of properties)
 */
const shadows = new WeakMap<object, object>();
const natives = new WeakMap<object, object>();
function shadow<T extends object>(self: T, methods: PropertyDescriptorMap): T {
  const own = Object.getPrototypeOf(self) as object;
  let proto = shadows.get(own);
  if (!proto) shadows.set(own, (proto = Object.create(own, methods) as object)), natives.set(proto, own);
  return Object.setPrototypeOf(self, proto) as T;
}
/** the class's own prototype, behind the shadows */
const nativeOf = (self: object) => {
  const proto = Object.getPrototypeOf(self) as object;
  return natives.get(proto) ?? proto;
};
const inherited = (self: object, name: PropertyKey) => (nativeOf(self) as Record<PropertyKey, Method>)[name]!;
const nativeGet = (self: object, name: string) => Reflect.get(nativeOf(self), name, self) as boolean;
const value = (fn: unknown): PropertyDescriptor => ({ value: fn, configurable: true, writable: true });
const getter = (get: (this: never) => unknown): PropertyDescriptor => ({ get, configurable: true });
const viaUs = (w: Watched) => (w.around ??= rebuiltResponse(w.response, streamThrough(inherited(w.body, "getReader").call(w.body) as Reader, w.watch)));
/**
 * At the next task: if no reader holds the body and it is not over, the stream of ours reads it; if one holds it that is
 * none of ours (taken past the shadows, say by ReadableStream.prototype.getReader.call), the call ends with what is known.
 */
const unlessRead = (w: Watched) =>
  afterTheApp(() => {
    if (w.over || w.around) return;
    if (!nativeGet(w.body, "locked")) viaUs(w);
    else if (!w.read) (w.over = true), w.watch.finish(COMPLETE);
  });

const READER: PropertyDescriptorMap = {
  read: value(function (this: Reader) {
    const state = readers.get(this);
    // the reader's own read, with whatever it was given (a BYOB reader's view): found once per reader
    const pending = (state?.read ?? inherited(this, "read")).apply(this, arguments as never) as Promise<Read>;
    return !state || state.released ? pending : pending.then(state.saw, state.failed);
  }),
  cancel: value(function (this: Reader, reason: unknown) {
    const state = readers.get(this);
    const w = state && !state.released && state.w;
    if (w && !w.over) (w.over = true), w.watch.finish({ kind: "cancelled", reason });
    return inherited(this, "cancel").call(this, reason);
  }),
  releaseLock: value(function (this: Reader) {
    const state = readers.get(this);
    const result = inherited(this, "releaseLock").call(this);
    if (state && !state.released) (state.released = true), state.w.over || unlessRead(state.w);
    return result;
  }),
};

/**
 * The body's async iterator (as SDKs read), over a reader of the body's own that only it holds: each read seen in the
 * one continuation that hands it on (no shadowed reader, no second hop), and return cancelling unless told not to
 */
function iterate(body: Body, w: Watched, options?: { preventCancel?: boolean }): AsyncIterableIterator<Uint8Array> {
  const reader = inherited(body, "getReader").call(body) as Reader;
  w.read = true;
  let done = false;
  const over = (value?: unknown) => {
    done = true;
    reader.releaseLock();
    // let go before its end: the stream of ours reads on unless a reader is taken by the next task
    if (!w.over) unlessRead(w);
    return { value, done: true as const };
  };
  const end = (outcome: StreamOutcome) => void (w.over || ((w.over = true), w.watch.finish(outcome)));
  return {
    next: () =>
      done
        ? Promise.resolve({ value: undefined, done: true })
        : reader.read().then(
            (read) => {
              if (!read.done) return w.watch.seen(read.value), read;
              end(COMPLETE);
              return over();
            },
            (error: unknown) => {
              // a read cut short by return() is no failure of the body
              if (!done) end({ kind: "errored", error }), over();
              throw error;
            },
          ),
    return(value?: unknown) {
      if (done) return Promise.resolve({ value, done: true });
      let cancelled: Promise<void> | undefined;
      if (!options?.preventCancel) end({ kind: "cancelled", reason: value }), (cancelled = reader.cancel(value));
      over(value);
      return Promise.resolve(cancelled).then(() => ({ value, done: true }));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  } as AsyncIterableIterator<Uint8Array>;
}

/** a body method: once a stream of ours reads the body, the same method of the body the app's Response now has */
const onBody = (name: PropertyKey, own: (this: Body, w: Watched, args: unknown[]) => unknown) =>
  value(function (this: Body, ...args: unknown[]) {
    const w = bodies.get(this);
    const now = w?.around?.body as unknown as Record<PropertyKey, Method> | undefined;
    if (now) return now[name]!.apply(now, args);
    return w ? own.call(this, w, args) : inherited(this, name).apply(this, args);
  });
const BODY: PropertyDescriptorMap = {
  getReader: onBody("getReader", function (w, args) {
    const reader = inherited(this, "getReader").apply(this, args) as Reader;
    readers.set(reader, readerState(w, reader));
    w.read = true;
    return shadow(reader, READER);
  }),
  values: onBody("values", function (w, [options]) {
    return iterate(this, w, options as { preventCancel?: boolean });
  }),
  [Symbol.asyncIterator]: onBody(Symbol.asyncIterator, function (w, [options]) {
    return iterate(this, w, options as { preventCancel?: boolean });
  }),
  cancel: onBody("cancel", function (w, [reason]) {
    if (!nativeGet(this, "locked") && !w.over) (w.over = true), w.watch.finish({ kind: "cancelled", reason });
    return inherited(this, "cancel").call(this, reason);
  }),
  locked: getter(function (this: Body) {
    const now = bodies.get(this)?.around?.body;
    return now ? now.locked : nativeGet(this, "locked");
  }),
};
// a locked body fails these as it would have; else the stream of ours reads it for them
for (const name of ["tee", "pipeTo", "pipeThrough"])
  BODY[name] = onBody(name, function (w, args) {
    if (nativeGet(this, "locked")) return inherited(this, name).apply(this, args);
    const now = viaUs(w).body as unknown as Record<string, Method>;
    return now[name]!.apply(now, args);
  });

// once a stream of ours reads the body, the Response's body and methods are those of the Response around it
const RESPONSE: PropertyDescriptorMap = {
  body: getter(function (this: Response) {
    const w = responses.get(this)!;
    return w.around ? w.around.body : w.body;
  }),
  bodyUsed: getter(function (this: Response) {
    const { around } = responses.get(this)!;
    return around ? around.bodyUsed : nativeGet(this, "bodyUsed");
  }),
};
for (const name of ["text", "json", "arrayBuffer", "blob", "bytes", "formData", "clone"])
  RESPONSE[name] = value(function (this: Response, ...args: unknown[]) {
    const w = responses.get(this)!;
    // a body already read or being read: the Response fails as it would have
    if (!w.around && (nativeGet(w.body, "locked") || nativeGet(this, "bodyUsed"))) return inherited(this, name).apply(this, args);
    const around = viaUs(w) as unknown as Record<string, Method>;
    return around[name]!.apply(around, args);
  });

export function observedResponse(response: Response, format: StreamFormat, observer: StreamObserver): Response {
  if (runtimeReads(response)) return aroundStreamOfOurs(response, format, observer);
  const body = response.body!;
  if (typeof body.getReader != "function") throw new TypeError("not a web stream");
  const watched: Watched = { body, response, watch: createStreamWatch(format, observer, chunkDecoder()) };
  // the Response first: a frozen one throws before anything of its body was changed
  shadow(response, RESPONSE);
  shadow(body, BODY);
  responses.set(response, watched);
  bodies.set(body, watched);
  unlessRead(watched);
  return response;
}
