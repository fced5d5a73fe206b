// The q filter on PostgreSQL through the calls_search_trgm index, and the
// migration that gives a database already holding calls the column and index.
import { afterAll, describe, expect, it } from "vitest";
import { makeCall } from "../../testing/make-call.ts";
import { postgresTestStores } from "../../testing/postgres-test-stores.ts";
import { createPostgresStore } from "./postgres-store.ts";
import { pgWhere } from "./pg-calls.ts";

const T0 = Date.UTC(2026, 2, 4, 14);
const postgres = postgresTestStores();
afterAll(() => postgres.teardown());

describe("PostgreSQL text search index", () => {
  it("answers q through the trigram index on search_text", async () => {
    const store = await postgres.open();
    await store.ingest([makeCall({ id: "a", startedAt: T0, promptText: "Ship to Zürich by Friday" }), makeCall({ id: "b", startedAt: T0 + 1 })], T0);
    const where = pgWhere({ q: "by FRIDAY" });
    const client = await store.pool.connect();
    try {
      // two rows: the planner would rather read the table, so it is told not to, to show the index serves the query
      await client.query("SET enable_seqscan = off");
      const plan = await client.query(`EXPLAIN SELECT id FROM calls ${where.sql}`, where.params);
      expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Bitmap Index Scan on calls_\d+_search_text_idx/);
    } finally {
      client.release();
    }
    expect((await store.listCalls({ q: "by FRIDAY" })).calls.map((c) => c.id)).toEqual(["a"]);
  });

  it("fills search_text and builds the index over the calls stored before them, losing none", async () => {
    const schema = "text_search_upgrade";
    const store = await postgres.open({ schema });
    const nul = makeCall({ id: "nul", startedAt: T0 + 2, promptText: "before\u0000after, a lost parcel" });
    await store.ingest([
      makeCall({ id: "kept", startedAt: T0, promptText: "a refund for ORDER 42", tags: { userId: "u1", feature: "Returns-Portal" } }),
      makeCall({ id: "rated", startedAt: T0 + 1 }),
      nul,
    ], T0);
    await store.addFeedback([{ callId: "rated", score: -1, comment: "Wrong tariff", at: T0 }]);
    const before = (await store.listCalls({ limit: 10 })).calls;
    // as before schema version 6: no column, no index
    await store.pool.query("ALTER TABLE calls DROP COLUMN search_text; DELETE FROM llmscope_migrations WHERE version = 6");
    await store.close();
    const upgraded = await createPostgresStore(await postgres.url(), { schema, max: 2 });
    try {
      const { rows } = await upgraded.pool.query("SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexname = 'calls_search_trgm'", [schema]);
      expect(rows).toHaveLength(1);
      expect((await upgraded.listCalls({ limit: 10 })).calls).toEqual(before);
      const ids = async (q: string) => (await upgraded.listCalls({ q })).calls.map((c) => c.id);
      expect(await ids("order 42")).toEqual(["kept"]);
      expect(await ids("returns-portal")).toEqual(["kept"]);
      expect(await ids("WRONG TARIFF")).toEqual(["rated"]);
      // a record holding \u0000 is searched whole: what it said is still found
      expect(await ids("lost parcel")).toEqual(["nul"]);
      // and what comes after the upgrade is searched as ingest keeps it
      await upgraded.ingest([makeCall({ id: "new", startedAt: T0 + 3, promptText: "Order 43 too" })], T0);
      expect(await ids("order 4")).toEqual(["new", "kept"]);
    } finally {
      await upgraded.close();
    }
  });
});
