// A JSON answer's body, seen as the app reads it, with no copy and no stream
// in between: this one Response's reading methods are shadowed by ones that
// read the bytes once through the original method, note them, and give the
// app exactly what the original would have (the same buffer, text, value or
// error). Node's Response.clone() tees at ~30 µs a call, and a Response
// rebuilt around a stream of ours puts a hop on every read (~0.1 ms on a cold
// round trip); this puts neither on the app's path, and the app keeps its
// very Response.
//
// Where the bytes cannot be had that way (the app takes `body`, `bytes()`,
// `blob()` or `formData()`, or has not started reading by the next task), a
// clone is read instead, so a body nobody reads still ends its call; and where
// the runtime itself may read the body, a clone is all there is.
import { later } from "./schedule.ts";

export type BodySeen =
  | { text: string; bytes: number }
  /** the body failed: a cut connection, an abort */
  | { error: unknown }
  /** read past us (say, through Response.prototype.json.call): nothing to see */
  | { unseen: true };

type Reading = (this: Response) => Promise<unknown>;

// decode() without { stream } keeps no state between calls, so one serves all
const decoder = new TextDecoder();

/** what the app gets from each shadowed method, given the bytes (as the Fetch standard derives them) */
const FROM_BYTES: Record<string, (bytes: ArrayBuffer) => unknown> = {
  arrayBuffer: (b) => b,
  text: (b) => decoder.decode(b),
  json: (b) => JSON.parse(decoder.decode(b)),
};
/** methods that read the body some other way: a clone is read for us first */
const CLONE_FIRST = ["bytes", "blob", "formData", "body"];

const shadow = (fn: Reading): PropertyDescriptor => ({ value: fn, configurable: true, writable: true });

/**
 * Per Response class, looked up once: its body getter, and whether the
 * runtime itself may read such a Response past any method of ours (a Worker
 * or Deno.serve returning it, a service worker's respondWith). That is so
 * where the class is native (browsers, Workers, Bun) and in Deno, whose
 * server reads its JavaScript Response natively; a JavaScript one elsewhere
 * (Node's fetch, node-fetch) is read only through its methods and accessors.
 */
const classes = new WeakMap<object, { runtimeReads: boolean; body?: () => unknown }>();
function classOf(proto: Response) {
  let found = classes.get(proto);
  if (!found) {
    let body: (() => unknown) | undefined;
    for (let o: object | null = proto; o && !body; o = Object.getPrototypeOf(o)) body = Object.getOwnPropertyDescriptor(o, "body")?.get;
    const native = /\[native code\]/.test(Function.prototype.toString.call(proto.clone));
    found = { runtimeReads: native || "Deno" in globalThis, body };
    classes.set(proto, found);
  }
  return found;
}

export function watchBody(response: Response, seen: (body: BodySeen) => void): void {
  const proto = Object.getPrototypeOf(response) as Response;
  const { runtimeReads, body } = classOf(proto);
  let started = false;
  const note = (buffer: ArrayBuffer) => {
    // decoded before the app gets the buffer, which it may transfer
    seen({ text: decoder.decode(buffer), bytes: buffer.byteLength });
    return buffer;
  };
  const failed = (error: unknown): never => {
    seen({ error });
    throw error;
  };
  /** a clone read for us, while the body is still untouched */
  const copy = (self: Response) => {
    if (started) return;
    started = true;
    try {
      proto.clone.call(self).arrayBuffer().then(note, failed).catch(() => {});
    } catch {
      seen({ unseen: true });
    }
  };

  // where the runtime may read the body past the shadows, a clone is taken at
  // once (a cheap tee in those runtimes); elsewhere the shadows see every read
  if (runtimeReads) return copy(response);

  const shadows: PropertyDescriptorMap = {};
  for (const name in FROM_BYTES) {
    const from = FROM_BYTES[name]!;
    shadows[name] = shadow(function () {
      // the bytes are read once for us and the app; a second read fails as it would have
      if (started) return proto.arrayBuffer.call(this).then(from);
      started = true;
      return proto.arrayBuffer.call(this).then(note, failed).then(from);
    });
  }
  for (const name of CLONE_FIRST) {
    const original = name == "body" ? body : (proto[name as keyof Response] as Reading | undefined);
    if (!original) continue;
    const reading = function (this: Response) {
      copy(this);
      return original.call(this);
    };
    shadows[name] = name == "body" ? { get: reading, configurable: true } : shadow(reading as Reading);
  }
  Object.defineProperties(response, shadows);
  // not read by the next task: read a copy instead, or learn it was read past us
  later().then(() => copy(response));
}
