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

export { acceptsGzip, GZIP_HEADERS } from "./gzip-stream.ts";

type Zlib = { gzip(body: string, options: { level: number }, done: (error: Error | null, zipped: Uint8Array<ArrayBuffer>) => void): void };

/** the UTF-8 bytes of body, gzip-compressed */
export const gzip = (body: string): Promise<ArrayBuffer | Uint8Array<ArrayBuffer>> => {
  const zlib = (globalThis as { process?: { getBuiltinModule?: (id: string) => Zlib | undefined } }).process?.getBuiltinModule?.("node:zlib");
  return zlib
    ? new Promise((resolve, reject) => zlib.gzip(body, { level: 1 }, (error, zipped) => (error ? reject(error) : resolve(zipped))))
    : gzipStream(body);
};
