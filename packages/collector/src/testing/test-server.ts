// A real collector on 127.0.0.1 with a real store, for endpoint tests: a SQLite
// file by default, or a PostgreSQL schema in the test file's database (call
// dropPostgresTestDatabase in afterAll).
import { createCollector, type Collector } from "../handler/create-collector.ts";
import type { CollectorOptions } from "../handler/options.ts";
import { serve, type RunningServer } from "../node/serve.ts";
import type { CallStore } from "../store/call-store.ts";
import { SqliteStore } from "../store/sqlite-store.ts";
import { tempDbPath } from "./temp-db.ts";
import { postgresTestStores } from "./postgres-test-stores.ts";

export type TestStoreKind = "sqlite" | "postgres";
/** for describe.each: endpoint tests run against every store */
export const TEST_STORE_KINDS: TestStoreKind[] = ["sqlite", "postgres"];

const postgres = postgresTestStores();
export const dropPostgresTestDatabase = (): Promise<void> => postgres.teardown();

export async function openTestStore(kind: TestStoreKind): Promise<{ store: CallStore; cleanup(): Promise<void> }> {
  if (kind === "postgres") {
    const store = await postgres.open();
    return { store, cleanup: () => store.close() };
  }
  const tmp = tempDbPath();
  const store = new SqliteStore(tmp.path, { synchronous: "normal" });
  return { store, cleanup: async () => (await store.close(), tmp.cleanup()) };
}

export const WRITE_KEY = "wk_test_write";
export const READ_KEY = "rk_test_read";

export interface TestServer {
  url: string;
  store: CallStore;
  collector: Collector;
  server: RunningServer;
  /** fetch a path with the read key */
  get(path: string): Promise<Response>;
  /** POST JSON with the write key */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(options: Partial<CollectorOptions> = {}, kind: TestStoreKind = "sqlite"): Promise<TestServer> {
  const { store, cleanup } = await openTestStore(kind);
  const collector = createCollector({ store, writeKeys: [WRITE_KEY], readKeys: [READ_KEY], log: () => {}, ...options });
  const maxBodyBytes = options.limits?.maxBodyBytes ?? 1024 * 1024;
  const server = await serve({ handler: collector, port: 0, host: "127.0.0.1", maxBodyBytes });
  return {
    url: server.url,
    store,
    collector,
    server,
    get: (path) => fetch(server.url + path, { headers: { authorization: `Bearer ${READ_KEY}` } }),
    post: (path, body, headers = {}) =>
      fetch(server.url + path, {
        method: "POST",
        headers: { "content-type": "application/json", "x-llmscope-key": WRITE_KEY, ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    async close() {
      await server.close();
      await collector.flush();
      await cleanup();
    },
  };
}
