// A beacon body gzip-compressed by the standard CompressionStream (Workers,
// browsers, and Node where it lends no zlib): a batch of calls that share a
// template, headers and a session shrinks several times over. Sent only to a
// collector whose answer said it reads gzip (Accept-Encoding: gzip, RFC 7694),
// so a collector that predates compression never gets a body it cannot read.

/** whether an answer's Accept-Encoding lists gzip (without q=0) */
export const acceptsGzip = (headers: Headers): boolean =>
  typeof CompressionStream == "function" && /(?:^|,)\s*gzip\s*(?:,|$)/i.test(headers.get("accept-encoding") ?? "");

/** the UTF-8 bytes of a body given as the pieces it is made of, gzip-compressed by a CompressionStream */
export const gzipStream = (parts: string[]): Promise<ArrayBuffer> =>
  new Response(new Blob(parts).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
