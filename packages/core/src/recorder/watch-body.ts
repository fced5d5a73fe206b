// A JSON answer's body, seen as the app reads it, with no copy and no stream
// in between: this one Response's reading methods are shadowed by ones that
// read the bytes once through the original method, note them, and give the
// app exactly what the original would have (the same buffer, text, value or
// error). Node's Response.clone() tees at ~30 µs a call, and a Response
// rebuilt around a stream of ours puts a hop on every read (~0.1 ms on a cold
// round trip); this puts neither on the app's path, and the app keeps its
// very Response.
//
// Where the bytes cannot be had that way (the app takes `body`, `blob()` or
// `formData()`, or has not started reading by the next task), a clone is read
// instead, so a body nobody reads still ends its call; and where the runtime
// itself may read the body, a clone is all there is.
import { later } from "./schedule.ts";

export type BodySeen =
  | { text: string; bytes: number }
  /** the body failed: a cut connection, an abort */
  | { error: unknown }
  /** read past us (say, through Response.prototype.json.call): nothing to see */
  | { unseen: true };

type Method<T = unknown> = (this: Response) => Promise<T>;

// decode() without { stream } keeps no state between calls, so one serves all
const decoder = new TextDecoder();

interface Originals {
  /** implemented by the runtime, not in JavaScript */
  native: boolean;
  arrayBuffer: Method<ArrayBuffer>;
  clone: (this: Response) => Response;
  bytes?: Method;
  blob?: Method;
  formData?: Method;
  body?: (this: Response) => ReadableStream<Uint8Array> | null;
}

/** what the response's own class defines, looked up once per class: this runs on every call */
const originalsByClass = new WeakMap<object, Originals>();
function originalsOf(response: Response): Originals {
  const proto = Object.getPrototypeOf(response) as Response;
  let found = originalsByClass.get(proto);
  if (!found) {
    let body: Originals["body"];
    for (let o: object | null = proto; o && !body; o = Object.getPrototypeOf(o)) body = Object.getOwnPropertyDescriptor(o, "body")?.get;
    // methods resolve through the class's own prototype chain, as the app's calls would
    found = { native: /\[native code\]/.test(Function.prototype.toString.call(proto.clone)), arrayBuffer: proto.arrayBuffer, clone: proto.clone, bytes: (proto as { bytes?: Method }).bytes, blob: proto.blob, formData: proto.formData, body };
    originalsByClass.set(proto, found);
  }
  return found;
}

const method = (fn: Method): PropertyDescriptor => ({ value: fn, configurable: true, writable: true });

export function watchBody(response: Response, seen: (body: BodySeen) => void): void {
  const originals = originalsOf(response);
  const { arrayBuffer, clone } = originals;
  let started = false;
  let over = false;
  const settle = (body: BodySeen) => {
    if (over) return;
    over = true;
    seen(body);
  };
  // decoded before the app gets the buffer, which it may transfer
  const note = (buffer: ArrayBuffer) => {
    settle({ text: decoder.decode(buffer), bytes: buffer.byteLength });
    return buffer;
  };
  const failed = (error: unknown): never => {
    settle({ error });
    throw error;
  };
  /** the bytes, read once for us and the app; a second read fails as it would have */
  const read = (self: Response): Promise<ArrayBuffer> => {
    if (started) return arrayBuffer.call(self);
    started = true;
    return arrayBuffer.call(self).then(note, failed);
  };
  /** a clone read for us, while the body is still untouched */
  const copy = (self: Response) => {
    if (started) return;
    started = true;
    try {
      arrayBuffer.call(clone.call(self)).then(note, failed).catch(() => {});
    } catch {
      settle({ unseen: true });
    }
  };

  // A native Response (browsers, Workers, Deno, Bun) may be read by the
  // runtime itself, past any method of ours (a Worker returning it, a service
  // worker's respondWith): there a clone is taken at once, a cheap native tee.
  // A JavaScript one (Node's fetch, node-fetch) is read only through its
  // methods and accessors, which the shadows cover.
  if (originals.native) return copy(response);

  const shadows: PropertyDescriptorMap = {
    arrayBuffer: method(function () {
      return read(this);
    }),
    text: method(function () {
      return read(this).then((b) => decoder.decode(b));
    }),
    json: method(function () {
      return read(this).then((b) => JSON.parse(decoder.decode(b)));
    }),
  };
  if (originals.bytes) {
    shadows.bytes = method(function () {
      return read(this).then((b) => new Uint8Array(b));
    });
  }
  for (const name of ["blob", "formData"] as const) {
    const own = originals[name];
    if (own) {
      shadows[name] = method(function () {
        copy(this);
        return own.call(this);
      });
    }
  }
  const { body } = originals;
  if (body) {
    shadows.body = {
      get(this: Response) {
        copy(this);
        return body.call(this);
      },
      configurable: true,
    };
  }
  Object.defineProperties(response, shadows);
  // not read by the next task: read a copy instead, or learn it was read past us
  later().then(() => copy(response));
}
