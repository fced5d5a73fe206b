// The playground in Chromium with a real collector behind its /llmscope proxy:
// a SQLite store in a temporary folder, write and read keys, and the page's
// recorder beaconing to it. Torn down together.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCollector, serve, SqliteStore, type Collector, type CollectorOptions, type RunningServer } from "@llmscope/collector";
import { openPlayground, type PlaygroundSession } from "./playground-page.ts";

export const WRITE_KEY = "playground-write";
export const READ_KEY = "playground-read";

export interface CollectorSession {
  s: PlaygroundSession;
  store: SqliteStore;
  collector: Collector;
  server: RunningServer;
  /** GET a read endpoint with the read key */
  get(p: string): Promise<Response>;
  /** the page's recorder.flush(): what it holds goes out now */
  flushPage(): Promise<void>;
  close(): Promise<void>;
}

export async function openPlaygroundWithCollector(name: string, options: Partial<CollectorOptions> = {}): Promise<CollectorSession> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `llmscope-playground-${name}-`));
  const store = new SqliteStore(path.join(dir, "calls.db"));
  const collector = createCollector({ store, writeKeys: [WRITE_KEY], readKeys: [READ_KEY], ...options });
  const server = await serve({ handler: collector, port: 0 });
  // the playground's vite.config.ts reads these from the environment
  process.env.LLMSCOPE_COLLECTOR_URL = server.url;
  process.env.LLMSCOPE_WRITE_KEY = WRITE_KEY;
  const s = await openPlayground();
  return {
    s,
    store,
    collector,
    server,
    get: (p) => fetch(`${server.url}${p}`, { headers: { authorization: `Bearer ${READ_KEY}` } }),
    flushPage: () =>
      s.page.evaluate(() => (globalThis as unknown as Record<symbol, { recorder: { flush(): Promise<void> } }>)[Symbol.for("llmscope.recorder")]!.recorder.flush()),
    async close() {
      delete process.env.LLMSCOPE_COLLECTOR_URL;
      delete process.env.LLMSCOPE_WRITE_KEY;
      await s.close();
      await server.close();
      await collector.flush();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
