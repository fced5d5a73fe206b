// Starts a node:http server around a Web handler and resolves once listening.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { toNodeListener, type WebHandler } from "./node-adapter.ts";

export interface ServeOptions {
  handler: WebHandler;
  port?: number;
  host?: string;
  /** unused: the collector's limits.maxBodyBytes caps bodies as it reads them */
  maxBodyBytes?: number;
  onError?: (err: unknown) => void;
}

export interface RunningServer {
  server: Server;
  /** e.g. http://127.0.0.1:4319 */
  url: string;
  close(): Promise<void>;
}

export function serve(options: ServeOptions): Promise<RunningServer> {
  const listener = toNodeListener(options.handler, options.onError ? { onError: options.onError } : {});
  const server = createServer((req, res) => void listener(req, res));
  server.keepAliveTimeout = 5000;
  // backstops behind the collector's own body deadline: no request holds a connection for Node's default 300 s
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4319, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
