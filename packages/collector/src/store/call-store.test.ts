// One CallStore suite, run against every store.
import { afterAll } from "vitest";
import { callStoreSuite } from "./store-suite.ts";
import { SqliteStore } from "./sqlite-store.ts";
import { tempDbPath } from "../testing/temp-db.ts";
import { postgresTestStores } from "../testing/postgres-test-stores.ts";

callStoreSuite("SqliteStore", async () => {
  const tmp = tempDbPath();
  const store = new SqliteStore(tmp.path);
  return { store, close: async () => (await store.close(), tmp.cleanup()) };
});

const postgres = postgresTestStores();
afterAll(() => postgres.teardown());
callStoreSuite("PostgresStore", async () => {
  const store = await postgres.open();
  return { store, close: () => store.close() };
});
