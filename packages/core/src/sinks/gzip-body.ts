// A beacon body gzip-compressed: a batch of calls that share a template,
// headers and a session shrinks several times over. Sent only to a collector
// whose answer said it reads gzip (Accept-Encoding: gzip, RFC 7694), so a
// collector that predates compression never gets a body it cannot read.
//
// Where the runtime lends its own zlib (Node, through process.getBuiltinModule:
// no import, so no bundle for another runtime ever names it), the batch is
// compressed there, at level 1, on the runtime's thread pool: a quarter of the
// CPU of a CompressionStream (whose web-stream wrapping and level 6 cost ~40 µs
// a call in a 500-call batch, against ~10), at ~10% more bytes. Elsewhere
// (Workers, browsers) the standard CompressionStream.

type Zlib = { gzip(body: string, options: { level: number }, done: (error: Error | null, zipped: Uint8Array<ArrayBuffer>) => void): void };

/** whether an answer's Accept-Encoding lists gzip (without q=0) */
export const acceptsGzip = (headers: Headers): boolean =>
  typeof CompressionStream == "function" && /(?:^|,)\s*gzip\s*(?:,|$)/i.test(headers.get("accept-encoding") ?? "");

/** the UTF-8 bytes of body, gzip-compressed */
export const gzip = (body: string): Promise<ArrayBuffer | Uint8Array<ArrayBuffer>> => {
  const zlib = (globalThis as { process?: { getBuiltinModule?: (id: string) => Zlib | undefined } }).process?.getBuiltinModule?.("node:zlib");
  return zlib
    ? new Promise((resolve, reject) => zlib.gzip(body, { level: 1 }, (error, zipped) => (error ? reject(error) : resolve(zipped))))
    : new Response(new Blob([body]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
};

/** what a compressed body goes with: still a text body to the collector once inflated */
export const GZIP_HEADERS = { "content-type": "text/plain;charset=UTF-8", "content-encoding": "gzip" };
