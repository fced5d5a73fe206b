// A beacon body gzip-compressed (see gzip-stream.ts for when it is sent).
//
// Where the runtime lends its own zlib (Node, through process.getBuiltinModule:
// no import, so no bundle for another runtime ever names it), the batch is
// compressed there, at level 1, on the runtime's thread pool: a quarter of the
// CPU of a CompressionStream (whose web-stream wrapping and level 6 cost ~40 µs
// a call in a 500-call batch, against ~10), at ~10% more bytes. Elsewhere
// the standard CompressionStream. Workers builds never carry this file (they
// link beacon-compact-worker.ts instead, through #load-beacon-compact).
import { gzipStream } from "./gzip-stream.ts";

export { acceptsGzip } from "./gzip-stream.ts";

type Zlib = { gzip(body: Uint8Array, options: { level: number }, done: (error: Error | null, zipped: Uint8Array<ArrayBuffer>) => void): void };

const encoder = new TextEncoder();

/**
 * The UTF-8 bytes of parts, one after another, encoded straight into one
 * array. A batch joined into one string first, then encoded by zlib, was
 * copied twice: ~10 us a call for the join of a 500-call batch (a 1.4 MB
 * string) and as much again for the encoding, against ~2 here.
 */
export function utf8Of(parts: string[]): Uint8Array {
  let chars = 0;
  for (const part of parts) chars += part.length;
  // as many bytes as characters holds ASCII; past any other character, three a character holds anything
  let out = new Uint8Array(chars);
  let at = 0;
  for (const part of parts) {
    const { read, written } = encoder.encodeInto(part, out.subarray(at));
    at += written;
    // (once wider, every part fits)
    if (read < part.length) {
      const wider = new Uint8Array(chars * 3);
      wider.set(out.subarray(0, at));
      out = wider;
      at += encoder.encodeInto(part.slice(read), out.subarray(at)).written;
    }
  }
  return out.subarray(0, at);
}

/** the UTF-8 bytes of a body given as the pieces it is made of, gzip-compressed */
export const gzip = (parts: string[]): Promise<ArrayBuffer | Uint8Array<ArrayBuffer>> => {
  const zlib = (globalThis as { process?: { getBuiltinModule?: (id: string) => Zlib | undefined } }).process?.getBuiltinModule?.("node:zlib");
  return zlib
    ? new Promise((resolve, reject) => zlib.gzip(utf8Of(parts), { level: 1 }, (error, zipped) => (error ? reject(error) : resolve(zipped))))
    : gzipStream(parts);
};
