// One CallStore suite, run against every store.
import { afterAll } from "vitest";
import { callStoreSuite, type OpenStore } from "./store-suite.ts";
import { qualityStoreSuite } from "./quality-store-suite.ts";
import { traceStoreSuite } from "../traces/trace-store-suite.ts";
import { SqliteStore } from "./sqlite-store.ts";
import { tempDbPath } from "../testing/temp-db.ts";
import { postgresTestStores } from "../testing/postgres-test-stores.ts";

const openSqlite: OpenStore = async () => {
  const tmp = tempDbPath();
  const store = new SqliteStore(tmp.path);
  return { store, close: async () => (await store.close(), tmp.cleanup()) };
};
callStoreSuite("SqliteStore", openSqlite);
qualityStoreSuite("SqliteStore", openSqlite);
traceStoreSuite("SqliteStore", openSqlite);

const postgres = postgresTestStores();
afterAll(() => postgres.teardown());
const openPostgres: OpenStore = async () => {
  const store = await postgres.open();
  return { store, close: () => store.close() };
};
callStoreSuite("PostgresStore", openPostgres);
qualityStoreSuite("PostgresStore", openPostgres);
traceStoreSuite("PostgresStore", openPostgres);
