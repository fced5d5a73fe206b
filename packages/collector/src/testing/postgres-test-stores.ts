// Fresh PostgresStores for tests: one database per test file (created on first
// use, dropped by teardown), one schema per store inside it.
import { createPostgresStore, type PostgresStore, type PostgresStoreOptions } from "../store/postgres/postgres-store.ts";
import type { CallStore } from "../store/call-store.ts";
import { createTestDatabase, type TestDatabase } from "./postgres-database.ts";
import { openTempStore } from "./temp-store.ts";

export interface PostgresTestStores {
  /** a new empty store in its own schema */
  open(options?: PostgresStoreOptions): Promise<PostgresStore>;
  /** the test file's database URL (created on first call) */
  url(): Promise<string>;
  teardown(): Promise<void>;
}

export function postgresTestStores(): PostgresTestStores {
  let db: Promise<TestDatabase> | undefined;
  let n = 0;
  const stores = new Set<PostgresStore>();
  const database = () => (db ??= createTestDatabase());
  return {
    async url() {
      return (await database()).url;
    },
    async open(options = {}) {
      const store = await createPostgresStore((await database()).url, { schema: `store_${++n}`, max: 4, ...options });
      stores.add(store);
      return store;
    },
    async teardown() {
      for (const s of stores) await s.close();
      stores.clear();
      if (db) await (await db).drop();
      db = undefined;
    },
  };
}

export type OpenTestStore = () => Promise<{ store: CallStore; close(): Promise<void> }>;

/** both stores as `describe.each` rows: a fresh SQLite file, and a fresh schema of the file's PostgreSQL database */
export function bothStores(postgres: PostgresTestStores): [name: string, open: OpenTestStore][] {
  return [
    ["SqliteStore", async () => openTempStore()],
    ["PostgresStore", async () => {
      const store = await postgres.open();
      return { store, close: () => store.close() };
    }],
  ];
}
