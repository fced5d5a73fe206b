import type { IncomingMessage, ServerResponse } from "node:http";
import { isMockNetworkError } from "../network-failure.ts";

type Handler = (request: Request) => Promise<Response>;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function toWebRequest(req: IncomingMessage, url: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(req);
  return new Request(url, { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) });
}

/**
 * Writes each body chunk as soon as the handler releases it, so a client
 * sees the same chunking and delays the handler produced. A body that fails
 * mid-way (stream_cut) destroys the socket: the client sees a broken
 * transfer, not a clean end.
 */
export async function sendWebResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, response.statusText, headers);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  req.socket.once("close", stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      res.write(value);
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    req.socket.off("close", stop);
  }
}

/** Runs the Web handler for one Node request; a network-failure rejection drops the connection. */
export async function serveWithHandler(handler: Handler, req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
  let response: Response;
  try {
    response = await handler(await toWebRequest(req, url));
  } catch (error) {
    if (isMockNetworkError(error)) {
      req.socket.destroy();
      return;
    }
    res.writeHead(500, { "content-type": "application/json", "access-control-allow-origin": "*" });
    res.end(JSON.stringify({ error: { message: `mock-llm: ${String(error)}`, type: "mock_llm_error", code: null } }));
    return;
  }
  await sendWebResponse(req, res, response);
}
