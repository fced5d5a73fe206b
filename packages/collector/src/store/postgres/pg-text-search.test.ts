// The q filter on PostgreSQL through the trigram index on lower(record), and
// the migration that adds it to a database already holding calls.
import { afterAll, describe, expect, it } from "vitest";
import { makeCall } from "../../testing/make-call.ts";
import { postgresTestStores } from "../../testing/postgres-test-stores.ts";
import { createPostgresStore } from "./postgres-store.ts";

const T0 = Date.UTC(2026, 2, 4, 14);
const postgres = postgresTestStores();
afterAll(() => postgres.teardown());

describe("PostgreSQL text search index", () => {
  it("answers q through calls_record_trgm", async () => {
    const store = await postgres.open();
    await store.ingest([makeCall({ id: "a", startedAt: T0, promptText: "Ship to Zürich by Friday" }), makeCall({ id: "b", startedAt: T0 + 1 })], T0);
    const client = await store.pool.connect();
    try {
      await client.query("SET enable_seqscan = off");
      const plan = await client.query("EXPLAIN SELECT id FROM calls WHERE lower(record) LIKE $1 ESCAPE '\\'", ["%friday%"]);
      expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Bitmap Index Scan on calls_\d+_lower_idx|calls_record_trgm/);
    } finally {
      client.release();
    }
    expect((await store.listCalls({ q: "by FRIDAY" })).calls.map((c) => c.id)).toEqual(["a"]);
  });

  it("builds the index over the calls stored before it", async () => {
    const store = await postgres.open({ schema: "text_search_upgrade" });
    await store.ingest([makeCall({ id: "kept", startedAt: T0, promptText: "a refund for order 42" })], T0);
    await store.pool.query("DROP INDEX calls_record_trgm; DELETE FROM llmscope_migrations WHERE version = 5");
    await store.close();
    const upgraded = await createPostgresStore(await postgres.url(), { schema: "text_search_upgrade", max: 2 });
    try {
      const { rows } = await upgraded.pool.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'text_search_upgrade' AND indexname = 'calls_record_trgm'");
      expect(rows).toHaveLength(1);
      expect((await upgraded.listCalls({ q: "order 42" })).calls.map((c) => c.id)).toEqual(["kept"]);
    } finally {
      await upgraded.close();
    }
  });
});
