// A dedicated database per test file (so files run in parallel), dropped at
// the end, on the server postgres-server.ts finds or starts.
import pg from "pg";
import { testPostgresAdminUrl } from "./postgres-server.ts";

const OBJECT_IN_USE = "55006"; // a connection of a test that did not close its store

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function onAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: await testPostgresAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(prefix = "llmscope_test"): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await onAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(await testPostgresAdminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      onAdmin(async (c) => {
        try {
          // a plain drop also ends an autovacuum worker busy in it, which FORCE may not (it is not ours to signal)
          await c.query(`DROP DATABASE IF EXISTS "${name}"`);
        } catch (err) {
          if ((err as { code?: string }).code !== OBJECT_IN_USE) throw err;
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        }
      }),
  };
}
