// What is particular to PostgreSQL: monthly partitions and retention, and
// several collectors (each its own pool) writing one database at once. The
// behaviour every store shares is in ../store-suite.ts.
import { afterAll, describe, expect, it } from "vitest";
import { makeCall } from "../../testing/make-call.ts";
import { postgresTestStores } from "../../testing/postgres-test-stores.ts";

const DAY = 86_400_000;
const postgres = postgresTestStores();
afterAll(() => postgres.teardown());

describe("PostgresStore partitions", () => {
  it("puts calls in monthly partitions made on demand and retires old months by dropping them", async () => {
    const store = await postgres.open();
    const jan = Date.UTC(2026, 0, 15);
    const feb = Date.UTC(2026, 1, 10);
    const mar = Date.UTC(2026, 2, 1);
    await store.ingest([makeCall({ startedAt: jan, costUSD: 1 }), makeCall({ startedAt: jan + DAY, costUSD: 1 })], mar);
    await store.ingest([makeCall({ startedAt: feb, costUSD: 1 }), makeCall({ startedAt: mar, costUSD: 1 })], mar);
    expect((await store.partitions()).map((p) => p.name)).toEqual(["calls_202601", "calls_202602", "calls_202603"]);

    // a cutoff inside February keeps February: only whole months go
    const retired = await store.dropCallsBefore(Date.UTC(2026, 1, 20));
    expect(retired).toEqual({ partitions: ["calls_202601"], calls: 2 });
    expect((await store.partitions()).map((p) => p.name)).toEqual(["calls_202602", "calls_202603"]);
    expect(await store.count()).toBe(2);
    // rollups outlive the raw calls
    expect((await store.stats({ groupBy: "all", period: "all" }))[0]).toMatchObject({ calls: 4, costUSD: 4 });

    // a January call sent again later is a new call in a re-made partition
    const late = makeCall({ startedAt: jan });
    expect((await store.ingest([late], mar)).inserted).toHaveLength(1);
    expect((await store.getCall(late.id))!.id).toBe(late.id);
  });

  it("keeps a NUL character in the record and drops it from the filter columns", async () => {
    const store = await postgres.open();
    const call = makeCall({ startedAt: Date.UTC(2026, 2, 4), tags: { userId: "u\u00001", feature: "chat" }, promptText: "a\u0000b" });
    await store.ingest([call], 0);
    expect(await store.getCall(call.id)).toEqual(call);
    expect(await store.count({ userId: "u1" })).toBe(1);
  });
});

describe("PostgresStore with several collectors on one database", () => {
  it("migrates once when collectors start together", async () => {
    const schema = "shared_start";
    const stores = await Promise.all([1, 2, 3].map(() => postgres.open({ schema })));
    await stores[0]!.ingest([makeCall({ startedAt: Date.UTC(2026, 2, 4) })], 0);
    expect(await stores[2]!.count()).toBe(1);
  });

  it("keeps ids, counts and rollups exact when overlapping batches arrive at both at once", async () => {
    const schema = "shared_ingest";
    const [a, b] = await Promise.all([postgres.open({ schema }), postgres.open({ schema })]);
    const t0 = Date.UTC(2026, 2, 4);
    const batches = Array.from({ length: 30 }, (_, i) =>
      Array.from({ length: 40 }, (_, j) => makeCall({ id: `c${i * 20 + j}`, startedAt: t0 + i * 20 + j, costUSD: 1, tags: { userId: `u${j % 7}` } })),
    );
    // batch i shares half its ids with batch i+1, and every batch goes to both collectors
    const results = await Promise.all(batches.flatMap((batch) => [a.ingest(batch, t0), b.ingest([...batch].reverse(), t0)]));
    const distinct = new Set(batches.flat().map((c) => c.id)).size;
    expect(results.reduce((n, r) => n + r.inserted.length, 0)).toBe(distinct);
    expect(await a.count()).toBe(distinct);
    expect((await b.stats({ groupBy: "all", period: "all" }))[0]).toMatchObject({ calls: distinct, costUSD: distinct });
    const users = await a.stats({ groupBy: "user", period: "all" });
    expect(users.reduce((n, r) => n + r.calls, 0)).toBe(distinct);
  });

  it("applies feedback that races its call on another collector", async () => {
    const schema = "shared_feedback";
    const [a, b] = await Promise.all([postgres.open({ schema }), postgres.open({ schema })]);
    const calls = Array.from({ length: 60 }, (_, i) => makeCall({ startedAt: Date.UTC(2026, 2, 4) + i }));
    await Promise.all(calls.flatMap((c, i) => [
      a.ingest([c], 0),
      b.addFeedback([{ callId: c.id, score: i % 2 ? 1 : -1, at: i }]),
    ]));
    for (const [i, c] of calls.entries()) {
      expect((await a.getCall(c.id))!.feedback).toEqual({ score: i % 2 ? 1 : -1, at: i });
    }
  });
});
