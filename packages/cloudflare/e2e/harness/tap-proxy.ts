// Sits between the Worker and the mock LLM on 127.0.0.1 and keeps the exact
// bytes of every response it relays, so a test can compare what the Worker's
// client received with what the upstream really sent (ids and timestamps in
// LLM responses differ from one call to the next).
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

export interface TapProxy {
  readonly url: string;
  /** response bodies relayed, in the order the responses finished */
  readonly bodies: Buffer[];
  close(): Promise<void>;
}

export async function startTapProxy(upstream: string): Promise<TapProxy> {
  const target = new URL(upstream);
  const bodies: Buffer[] = [];
  const server = createServer((req, res) => {
    const forward = httpRequest(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        const chunks: Buffer[] = [];
        upstreamRes.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          res.write(chunk);
        });
        upstreamRes.on("end", () => {
          bodies.push(Buffer.concat(chunks));
          res.end();
        });
      },
    );
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
