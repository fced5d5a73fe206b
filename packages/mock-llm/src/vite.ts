import type { IncomingMessage, ServerResponse } from "node:http";
import type { Plugin } from "vite";
import { createMockLLM } from "./handler.ts";
import type { MockOptions } from "./options.ts";
import { serveWithHandler } from "./server/node-bridge.ts";

export interface MockLLMPluginOptions extends MockOptions {
  /** where the mock is mounted on the dev and preview servers (default "/mock-llm") */
  prefix?: string;
}

/**
 * Mounts the mock under a prefix of Vite's dev and preview servers, so an app
 * can point any SDK's base URL at e.g. `/mock-llm/v1` with no separate process.
 */
export function mockLLMPlugin(options: MockLLMPluginOptions = {}): Plugin {
  const prefix = options.prefix ?? "/mock-llm";
  const handler = createMockLLM(options);
  const middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    // connect strips the mount prefix from req.url; routing is by suffix, so the original URL serves as well,
    // except for GET {prefix}/, the endpoint list, which is found by the stripped path.
    const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl;
    const path = req.method === "GET" || !original ? (req.url ?? "/") : original;
    serveWithHandler(handler, req, res, `http://${req.headers.host ?? "localhost"}${path}`).catch(next);
  };
  return {
    name: "llmscope:mock-llm",
    configureServer(server) {
      server.middlewares.use(prefix, middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(prefix, middleware);
    },
  };
}

export type { MockOptions } from "./options.ts";
