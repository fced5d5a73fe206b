// Batches may come gzip-compressed (Content-Encoding: gzip). Every answer says
// so (Accept-Encoding: gzip, as RFC 7694 lets a server say which codings it
// takes in requests), and beaconSink compresses only after it has read that:
// a sink never sends gzip to a collector that did not offer to read it. The
// inflated body is held to the same cap as a plain one, counted as it comes
// out, so a small body that inflates without end (a gzip bomb) costs at most
// the cap's worth of work before its 413.
import { HttpError } from "./responses.ts";

/** the codings this collector reads in request bodies, as its answers announce them */
export const ACCEPTED_ENCODINGS = "gzip";

/** every chunk in one array */
export function joinChunks(chunks: Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) (bytes.set(c, offset), (offset += c.byteLength));
  return bytes;
}

async function gunzipLimited(bytes: Uint8Array<ArrayBuffer>, maxBytes: number): Promise<Uint8Array> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw new HttpError(400, "body is not valid gzip (Content-Encoding: gzip)");
    }
    if (next.done) return joinChunks(chunks, total);
    total += next.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new HttpError(413, `body inflates to more than ${maxBytes} bytes; send smaller batches`);
    }
    chunks.push(next.value);
  }
}

/** the body as sent before its Content-Encoding; a coding this collector does not read is a 415 naming the one it does */
export function decodeBody(bytes: Uint8Array<ArrayBuffer>, contentEncoding: string | null, maxBytes: number): Promise<Uint8Array> | Uint8Array {
  const coding = (contentEncoding ?? "").trim().toLowerCase();
  if (coding === "" || coding === "identity") return bytes;
  if (coding === "gzip" || coding === "x-gzip") return gunzipLimited(bytes, maxBytes);
  throw new HttpError(415, `Content-Encoding ${JSON.stringify(coding.slice(0, 40))} is not read here; send gzip or no encoding`, {
    "accept-encoding": ACCEPTED_ENCODINGS,
  });
}
