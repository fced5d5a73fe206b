// node:http ⇄ Web Request/Response. The body is read here with the same cap the
// handler applies, so an oversized upload is cut off as it streams in rather
// than buffered whole first.
import type { IncomingMessage, ServerResponse } from "node:http";

export type WebHandler = (request: Request) => Promise<Response>;

export interface NodeListenerOptions {
  maxBodyBytes: number;
  onError?: (err: unknown) => void;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? "NaN");
    if (declared > maxBytes) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let total = 0;
    req.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        req.removeAllListeners("data");
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks, total)));
    req.on("error", reject);
  });
}

export function toRequest(req: IncomingMessage, body: Buffer | undefined): Request {
  const host = req.headers.host ?? "127.0.0.1";
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const init: RequestInit = { method: req.method ?? "GET", headers };
  if (body && body.length > 0 && init.method !== "GET" && init.method !== "HEAD") init.body = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length);
  return new Request(`http://${host}${req.url ?? "/"}`, init);
}

export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  const body = Buffer.from(await response.arrayBuffer());
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

export function toNodeListener(handler: WebHandler, options: NodeListenerOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const body = hasBody ? await readBody(req, options.maxBodyBytes) : undefined;
      await writeResponse(res, await handler(toRequest(req, body)));
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        // Stop reading the rest of an oversized upload: answer, then close.
        const msg = JSON.stringify({ error: `body is larger than ${options.maxBodyBytes} bytes; send smaller batches` });
        res.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close", "content-length": Buffer.byteLength(msg) });
        res.end(msg, () => req.destroy());
        return;
      }
      options.onError?.(err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ error: "internal error" }));
    }
  };
}
