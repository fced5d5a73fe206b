// What is particular to PostgreSQL: monthly partitions and retention, and
// several collectors (each its own pool) writing and scoring one database at
// once. The behaviour every store shares is in ../store-suite.ts.
import { afterAll, describe, expect, it } from "vitest";
import { makeCall } from "../../testing/make-call.ts";
import { makeTrace } from "../../testing/make-trace.ts";
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
    expect(retired).toEqual({ partitions: ["calls_202601"], calls: 2, traces: 0 });
    expect((await store.partitions()).map((p) => p.name)).toEqual(["calls_202602", "calls_202603"]);
    expect(await store.count()).toBe(2);
    // rollups outlive the raw calls
    expect((await store.stats({ groupBy: "all", period: "all" }))[0]).toMatchObject({ calls: 4, costUSD: 4 });

    // a January call sent again later is a new call in a re-made partition
    const late = makeCall({ startedAt: jan });
    expect((await store.ingest([late], mar)).inserted).toHaveLength(1);
    expect((await store.getCall(late.id))!.id).toBe(late.id);
  });

  it("drops a month of traces with that month of calls; trace rollups stay", async () => {
    const store = await postgres.open();
    const jan = makeTrace({ startedAt: Date.UTC(2026, 0, 20) });
    const feb = makeTrace({ startedAt: Date.UTC(2026, 1, 20) });
    await store.ingest([...jan.calls, ...feb.calls], 0);
    await store.traces.ingest([jan.trace, feb.trace], 0);
    expect(await store.dropCallsBefore(Date.UTC(2026, 1, 10))).toEqual({ partitions: ["calls_202601"], calls: 4, traces: 1 });
    expect(await store.traces.getTrace(jan.trace.id)).toBeUndefined();
    expect((await store.traces.getTrace(feb.trace.id))!.calls).toHaveLength(4);
    expect((await store.traces.stats({ groupBy: "all", period: "all" }))[0]).toMatchObject({ traces: 2 });
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

describe("PostgresStore rollup rebuild", () => {
  it("repairs the days that have calls and keeps the rollups of months retention dropped", async () => {
    const store = await postgres.open();
    const jan = Date.UTC(2026, 0, 15, 10);
    const mar = Date.UTC(2026, 2, 4, 10);
    await store.ingest([makeCall({ startedAt: jan, costUSD: 1 }), makeCall({ startedAt: jan + 1, costUSD: 1 })], mar);
    await store.ingest([makeCall({ startedAt: mar, costUSD: 2 }), makeCall({ startedAt: mar + DAY, costUSD: 2 })], mar);
    await store.dropCallsBefore(Date.UTC(2026, 1, 1));
    // damage the days whose calls remain, and drop their hour rows, as a store from before them would lack
    await store.pool.query("UPDATE rollup SET calls = 99 WHERE day >= $1 AND dim NOT LIKE '%@hour'", [Math.floor(mar / DAY)]);
    await store.pool.query("DELETE FROM rollup WHERE dim LIKE '%@hour' AND day >= $1", [Math.floor(mar / DAY) * 24]);
    expect(await store.rebuildRollups()).toBe(2);
    const days = await store.stats({ groupBy: "all", period: "day" });
    expect(days.map((r) => [r.period, r.calls, r.costUSD])).toEqual([["2026-01-15", 2, 2], ["2026-03-04", 1, 2], ["2026-03-05", 1, 2]]);
    const hours = await store.stats({ groupBy: "all", period: "hour" });
    expect(hours.map((r) => [r.period, r.calls])).toEqual([["2026-01-15T10:00", 2], ["2026-03-04T10:00", 1], ["2026-03-05T10:00", 1]]);
  });

  it("counts every call once when another collector ingests during the rebuild", async () => {
    const schema = "shared_rebuild";
    const [a, b] = await Promise.all([postgres.open({ schema }), postgres.open({ schema })]);
    const t0 = Date.UTC(2026, 2, 1);
    // calls on the first and the 30th day, then, while b rebuilds over and
    // over, calls on the days between: rows a rebuild has not reached yet,
    // created by the other collector meanwhile
    const base = [0, 29].map((d) => makeCall({ startedAt: t0 + d * DAY, costUSD: 1, tags: { userId: "u0" } }));
    const later = Array.from({ length: 560 }, (_, i) => makeCall({ startedAt: t0 + (1 + (i % 28)) * DAY + DAY / 2 + i, costUSD: 1, tags: { userId: `n${i % 40}` } }));
    await a.ingest(base, t0);
    let stored = base.length;
    for (let i = 0; i < later.length; i += 20) {
      // each batch lands while a rebuild is under way; the totals must hold after every one
      await Promise.all([b.rebuildRollups(), a.ingest(later.slice(i, i + 20), t0)]);
      stored += 20;
      expect((await b.stats({ groupBy: "all", period: "all" }))[0]).toMatchObject({ calls: stored, costUSD: stored });
    }
    const total = base.length + later.length;
    const users = await a.stats({ groupBy: "user", period: "all" });
    expect(users.reduce((n, r) => n + r.calls, 0)).toBe(total);
    expect(users.find((r) => r.key === "n7")!.calls).toBe(14);
    const hours = await a.stats({ groupBy: "all", period: "hour" });
    expect(hours.reduce((n, r) => n + r.calls, 0)).toBe(total);
  });
});

describe("PostgresStore quality scoring with several collectors on one database", () => {
  it("scores every call exactly once while both collectors ingest and score at once", async () => {
    const schema = "shared_quality";
    const [a, b] = await Promise.all([postgres.open({ schema }), postgres.open({ schema })]);
    await Promise.all([a.nextForQuality(0), b.nextForQuality(0)]);
    const t0 = Date.UTC(2026, 2, 4);
    const calls = Array.from({ length: 400 }, (_, i) => makeCall({ id: `q${i}`, startedAt: t0 + i, tags: { feature: `f${i % 3}` } }));
    const seen = new Map<string, number>();
    let ingesting = true;
    // each collector scores small claims until ingest is over and nothing is left
    const score = async (store: typeof a) => {
      for (;;) {
        const next = await store.nextForQuality(7);
        if (!next.length) {
          if (!ingesting) return;
          await new Promise((r) => setTimeout(r, 2));
          continue;
        }
        for (const n of next) seen.set(n.call.id, (seen.get(n.call.id) ?? 0) + 1);
        await store.saveQuality(next.map((n) => ({ callId: n.call.id, quality: { relevance: 50, average: 50 } })), next[0]!.seq);
      }
    };
    const scorers = [score(a), score(a), score(b), score(b)];
    const batches = Array.from({ length: 40 }, (_, i) => calls.slice(i * 10, i * 10 + 10));
    await Promise.all(batches.map((batch, i) => (i % 2 ? a : b).ingest(batch, t0)));
    ingesting = false;
    await Promise.all(scorers);

    expect(seen.size).toBe(calls.length);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(await a.qualityStats({ groupBy: "all", period: "all" })).toEqual([
      { period: "all", key: "", scored: 400, relevance: 50, average: 50, thumbsUp: 0, thumbsDown: 0 },
    ]);
    const byFeature = await b.qualityStats({ groupBy: "feature", period: "all" });
    expect(byFeature.map((r) => [r.key, r.scored]).sort()).toEqual([["f0", 134], ["f1", 133], ["f2", 133]]);
    for (const id of ["q0", "q199", "q399"]) expect((await b.getCall(id))!.quality).toEqual({ relevance: 50, average: 50 });
  });

  it("hands a claim that was never saved to another collector once its lease has lapsed, and folds it once", async () => {
    const schema = "shared_quality_lease";
    const [a, b] = await Promise.all([postgres.open({ schema }), postgres.open({ schema })]);
    await a.nextForQuality(0);
    await a.ingest([makeCall({ id: "l1", startedAt: Date.UTC(2026, 2, 4) })], 0);
    const lost = await a.nextForQuality(10);
    expect(lost.map((n) => n.call.id)).toEqual(["l1"]);
    // held by a's claim: b is not given it
    expect(await b.nextForQuality(10)).toEqual([]);
    await b.pool.query("UPDATE quality_pending SET lease_until = 0");
    const retaken = await b.nextForQuality(10);
    expect(retaken.map((n) => n.call.id)).toEqual(["l1"]);
    await b.saveQuality([{ callId: "l1", quality: { average: 40 } }], retaken[0]!.seq);
    // the lapsed claim saved late writes nothing
    await a.saveQuality([{ callId: "l1", quality: { average: 90 } }], lost[0]!.seq);
    expect((await a.getCall("l1"))!.quality).toEqual({ average: 40 });
    expect(await a.qualityStats({ groupBy: "all", period: "all" })).toEqual([
      { period: "all", key: "", scored: 1, average: 40, thumbsUp: 0, thumbsDown: 0 },
    ]);
  });
});
