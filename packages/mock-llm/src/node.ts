import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createMockLLM } from "./handler.ts";
import type { MockOptions } from "./options.ts";
import { serveWithHandler } from "./server/node-bridge.ts";

export interface MockLLMServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the mock on 127.0.0.1 (a free port unless one is given). */
export async function startMockLLM(options: MockOptions & { port?: number } = {}): Promise<MockLLMServer> {
  const handler = createMockLLM(options);
  const server = createServer({ noDelay: true }, (req, res) => {
    const url = `http://127.0.0.1${req.url ?? "/"}`;
    serveWithHandler(handler, req, res, url).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets and open streams would hold close() forever.
        server.closeAllConnections();
      }),
  };
}

export type { MockOptions } from "./options.ts";
export type { ScenarioId } from "./scenarios.ts";
