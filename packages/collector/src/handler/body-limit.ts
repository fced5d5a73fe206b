// Reads a request body as text without ever holding more than the limit or
// waiting longer than the deadline: the declared length is checked first, then
// the stream is counted as it arrives, and a body that trickles in too slowly
// is cut off with a 408. A compressed body is inflated under the same limit.
import { decodeBody, joinChunks } from "./body-encoding.ts";
import { HttpError } from "./responses.ts";

export async function readBodyLimited(request: Request, maxBytes: number, timeoutMs = Infinity): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  let timedOut = false;
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        timedOut = true;
        reader.cancel().catch(() => {});
      }, timeoutMs)
    : undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) throw new HttpError(408, `the body did not arrive within ${timeoutMs / 1000}s`, { connection: "close" });
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
  const bytes = await decodeBody(joinChunks(chunks, total), request.headers.get("content-encoding"), maxBytes);
  return new TextDecoder().decode(bytes);
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, `body is larger than ${maxBytes} bytes; send smaller batches`);
}
