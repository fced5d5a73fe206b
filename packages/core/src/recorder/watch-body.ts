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
// clone is read instead, so a body nobody reads still ends its call. Builds
// for runtimes that may read a Response themselves get watch-body-clone.ts.
import { later } from "./schedule.ts";
import { decode, watchBody as readClone, type BodySeen } from "./watch-body-clone.ts";

export type { BodySeen };

type Reading = (this: Response) => Promise<unknown>;

/** what the app gets from each shadowed method, given the bytes and their text (decoded once, for us and the app alike) */
const FROM_BYTES: Record<string, (bytes: ArrayBuffer, text: string) => unknown> = {
  arrayBuffer: (b) => b,
  text: (_, t) => t,
  json: (_, t) => JSON.parse(t),
};
/** methods that read the body some other way: a clone is read for us first */
const CLONE_FIRST = ["bytes", "blob", "formData", "body"];

const shadow = (fn: Reading): PropertyDescriptor => ({ value: fn, configurable: true, writable: true });

/** one watched Response's state: the shadows are made once per class and find it here */
interface Watch {
  seen: (body: BodySeen) => void;
  started: boolean;
}
const watching = new WeakMap<object, Watch>();

/** a clone read for us, while the body is still untouched */
const copy = (self: Response, watch: Watch | undefined) => {
  if (!watch || watch.started) return;
  watch.started = true;
  readClone(self, watch.seen);
};

/** the shadows of one Response class: its own methods, read through once, every read noted */
function shadowsOf(proto: Response, body: (() => unknown) | undefined): PropertyDescriptorMap {
  const shadows: PropertyDescriptorMap = {};
  for (const name in FROM_BYTES) {
    const from = FROM_BYTES[name]!;
    shadows[name] = shadow(function () {
      const watch = watching.get(this);
      // the bytes are read once for us and the app; a second read fails as it would have
      if (!watch || watch.started) return proto.arrayBuffer.call(this).then((b) => from(b, decode(b)));
      watch.started = true;
      const { seen } = watch;
      return proto.arrayBuffer.call(this).then(
        (buffer) => {
          // decoded before anyone else may transfer the buffer
          const text = decode(buffer);
          seen({ text, bytes: buffer.byteLength });
          return from(buffer, text);
        },
        (error: unknown) => {
          seen({ error });
          throw error;
        },
      );
    });
  }
  for (const name of CLONE_FIRST) {
    const original = name == "body" ? body : (proto[name as keyof Response] as Reading | undefined);
    if (!original) continue;
    const reading = function (this: Response) {
      copy(this, watching.get(this));
      return original.call(this);
    };
    shadows[name] = name == "body" ? { get: reading, configurable: true } : shadow(reading as Reading);
  }
  return shadows;
}

/**
 * Per Response class, looked up once: its shadows, and whether the runtime
 * itself may read such a Response past any method of ours. Builds for those
 * runtimes resolve to watch-body-clone.ts; this is the safety net should one
 * load this file: a native class (browsers, Workers, Bun), or Deno, whose
 * server reads its JavaScript Response natively.
 */
type Class = { runtimeReads: boolean; shadowed: object };
const classes = new WeakMap<object, Class>();
// the class looked up last, apart: an app's answers are all of one class, so a call finds it without a lookup
let lastProto: object | undefined;
let lastClass: Class;
function classOf(proto: Response) {
  if (proto === lastProto) return lastClass;
  let found = classes.get(proto);
  if (!found) {
    let body: (() => unknown) | undefined;
    for (let o: object | null = proto; o && !body; o = Object.getPrototypeOf(o)) body = Object.getOwnPropertyDescriptor(o, "body")?.get;
    const native = /\[native code\]/.test(Function.prototype.toString.call(proto.clone));
    found = { runtimeReads: native || "Deno" in globalThis, shadowed: Object.create(proto, shadowsOf(proto, body)) as object };
    classes.set(proto, found);
  }
  return (lastProto = proto), (lastClass = found);
}

/** whether the runtime itself may read a Response of this one's class past any method of ours */
export const runtimeReads = (response: Response): boolean => classOf(Object.getPrototypeOf(response) as Response).runtimeReads;

/** tick: a later task, when a body nobody has begun to read is read from a clone instead (default: the next one) */
export function watchBody(response: Response, seen: (body: BodySeen) => void, tick: Promise<void> = later()): void {
  const { runtimeReads, shadowed } = classOf(Object.getPrototypeOf(response) as Response);
  if (runtimeReads) return readClone(response, seen);
  const watch: Watch = { seen, started: false };
  watching.set(response, watch);
  // the shadows as its prototype, one per class, which inherits the class's own (as streams watched in place are):
  // seven shadows defined on each Response cost ~3 µs a call and gave every watched one a shape of its own
  Object.setPrototypeOf(response, shadowed);
  // not read by the next task: read a copy instead, or learn it was read past us
  tick.then(() => copy(response, watch));
}
