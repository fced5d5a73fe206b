// `vite dev` with the collector inside: the recorder's default beacon URL,
// "/llmscope/v1/calls", then works on the page's own origin (no CORS, no
// second process), and the console answers at /llmscope/. A Vite plugin typed
// by its shape, so the collector does not depend on Vite.
import type { IncomingMessage, ServerResponse } from "node:http";
import { openStore, printableDb } from "../cli/open-store.ts";
import { createCollector } from "../handler/create-collector.ts";
import type { CollectorOptions } from "../handler/options.ts";
import { consoleAssets, withConsole } from "../node/console-assets.ts";
import { toNodeListener } from "../node/node-adapter.ts";

export interface CollectorPluginOptions extends Omit<CollectorOptions, "store"> {
  /** SQLite file or postgres:// URL; default ./llmscope.db */
  db?: string;
  /** where the collector is mounted; default "/llmscope" */
  base?: string;
}

type Middleware = (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void) => void;

/** the part of Vite's dev server the plugin uses */
export interface DevServerLike {
  middlewares: { use(path: string, fn: Middleware): unknown };
  httpServer?: { once(event: "close", fn: () => void): unknown } | null;
  config: { logger: { info(message: string): void } };
}

export function llmscopeCollector(options: CollectorPluginOptions = {}) {
  const { db = "./llmscope.db", base = "/llmscope", ...collectorOptions } = options;
  const mount = base.replace(/\/+$/, "");
  return {
    name: "llmscope-collector",
    apply: "serve" as const,
    async configureServer(server: DevServerLike) {
      const store = await openStore(db);
      const log = (m: string) => server.config.logger.info(`[llmscope] ${m}`);
      const collector = createCollector({ log, ...collectorOptions, store });
      const listener = toNodeListener(withConsole(collector, consoleAssets()));
      server.middlewares.use(mount, (req, res) => {
        // the console's assets are relative: its page must end in a slash
        if (req.url === "/" && req.originalUrl === mount) return void res.writeHead(308, { location: `${mount}/` }).end();
        void listener(req, res);
      });
      server.httpServer?.once("close", () => void collector.flush().finally(() => store.close()));
      log(`collector at ${mount}/v1/calls, console at ${mount}/ (db ${printableDb(db)})`);
    },
  };
}
