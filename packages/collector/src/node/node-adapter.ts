// node:http ⇄ Web Request/Response. The body is handed on as a stream, not read
// here: the handler checks the key on the headers first and reads a body only
// for a request that may send one, with its own size cap and deadline, so a
// client without a key cannot make the server hold its upload.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

import type { ClientInfo } from "../shared/client-info.ts";

export type { ClientInfo };

export type WebHandler = (request: Request, client?: ClientInfo) => Promise<Response>;

export interface NodeListenerOptions {
  onError?: (err: unknown) => void;
}

// a Host header is only trusted to name the URL when it looks like one
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

export function toRequest(req: IncomingMessage, body?: Buffer | ReadableStream<Uint8Array>): Request {
  const host = req.headers.host && HOST.test(req.headers.host) ? req.headers.host : "127.0.0.1";
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const init: RequestInit & { duplex?: "half" } = { method: req.method ?? "GET", headers };
  if (body && init.method !== "GET" && init.method !== "HEAD") {
    if (body instanceof ReadableStream) (init.body = body), (init.duplex = "half");
    else if (body.length > 0) init.body = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length);
  }
  // a path Node let through but URL cannot parse (e.g. "//") is made relative to the root
  const path = (req.url ?? "/").startsWith("/") ? (req.url ?? "/") : `/${req.url}`;
  return new Request(new URL(path, `http://${host}`), init);
}

export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  const body = Buffer.from(await response.arrayBuffer());
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

export function toNodeListener(handler: WebHandler, options: NodeListenerOptions = {}) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const body = hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined;
      const client: ClientInfo = req.socket.remoteAddress ? { address: req.socket.remoteAddress } : {};
      const response = await handler(toRequest(req, body), client);
      // answered before the whole body came (a refused key, a body too large or too slow):
      // the rest is not read, so the connection cannot carry another request
      if (hasBody && !req.readableEnded) res.shouldKeepAlive = false;
      await writeResponse(res, response);
      if (hasBody && !req.readableEnded) res.once("finish", () => req.destroy());
    } catch (err) {
      options.onError?.(err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8", connection: "close" });
      res.end(JSON.stringify({ error: "internal error" }));
    }
  };
}
