import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "./sqlite-store.ts";
import { makeCall } from "../testing/make-call.ts";
import { tempDbPath } from "../testing/temp-db.ts";

const T0 = Date.UTC(2026, 2, 4, 14, 0, 0);

describe("SqliteStore", () => {
  let tmp: ReturnType<typeof tempDbPath>;
  let store: SqliteStore;
  beforeEach(() => {
    tmp = tempDbPath();
    store = new SqliteStore(tmp.path);
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  it("stores a batch once, however often it is sent", async () => {
    const calls = [makeCall({ startedAt: T0 }), makeCall({ startedAt: T0 + 1 })];
    const first = await store.ingest(calls, T0);
    const again = await store.ingest(calls, T0);
    expect(first.inserted).toHaveLength(2);
    expect(again).toMatchObject({ inserted: [], duplicates: 2 });
    expect(await store.count()).toBe(2);
    expect(await store.getCall(calls[0]!.id)).toEqual(calls[0]);
    const stats = await store.stats({ groupBy: "all", period: "all" });
    expect(stats[0]!.calls).toBe(2);
  });

  it("sets journal mode WAL and records the schema version", () => {
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("synchronous", { simple: true })).toBe(1);
    expect(store.db.prepare("SELECT MAX(version) FROM migrations").pluck().get()).toBe(1);
  });

  it("pages newest first with a cursor and filters by flat columns", async () => {
    const calls = Array.from({ length: 7 }, (_, i) =>
      makeCall({ startedAt: T0 + i * 1000, tags: { userId: i % 2 ? "alice" : "bob", department: "sales" } }),
    );
    await store.ingest(calls, T0);
    const p1 = await store.listCalls({ userId: "alice", limit: 2 });
    expect(p1.calls.map((c) => c.startedAt)).toEqual([T0 + 5000, T0 + 3000]);
    const p2 = await store.listCalls({ userId: "alice", limit: 2, cursor: p1.cursor! });
    expect(p2.calls.map((c) => c.startedAt)).toEqual([T0 + 1000]);
    expect(p2.cursor).toBeUndefined();
    const window = await store.listCalls({ from: T0 + 2000, to: T0 + 4000 });
    expect(window.calls).toHaveLength(2);
  });

  it("parks feedback for an unknown call and applies it when the call arrives", async () => {
    const call = makeCall({ startedAt: T0 });
    const early = await store.addFeedback([{ callId: call.id, score: -1, comment: "wrong", at: T0 + 5 }]);
    expect(early).toEqual({ applied: 0, pending: [call.id] });
    await store.ingest([call], T0);
    expect((await store.getCall(call.id))!.feedback).toEqual({ score: -1, comment: "wrong", at: T0 + 5 });
    const later = await store.addFeedback([{ callId: call.id, score: 1, at: T0 + 9 }]);
    expect(later.applied).toBe(1);
    expect((await store.getCall(call.id))!.feedback).toEqual({ score: 1, at: T0 + 9 });
  });

  it("gives each call the trailing median of its prompt before it", async () => {
    const calls = [100, 110, 90, 400].map((t, i) => makeCall({ startedAt: T0 + i, inputTokens: t, outputTokens: 0 }));
    const { inserted } = await store.ingest(calls, T0);
    expect(inserted[0]!.tokenBaseline).toBeUndefined();
    expect(inserted[3]!.tokenBaseline).toEqual({ median: 100, samples: 3 });
  });

  it("iterates every matching call oldest first", async () => {
    await store.ingest(Array.from({ length: 1203 }, (_, i) => makeCall({ startedAt: T0 + i })), T0);
    let n = 0;
    let last = -1;
    for await (const c of store.iterateCalls({})) {
      expect(c.startedAt).toBeGreaterThan(last);
      last = c.startedAt;
      n++;
    }
    expect(n).toBe(1203);
  });
});

describe("SqliteStore with two writers on one file", () => {
  it("keeps rollups exact when another connection commits in between", async () => {
    const tmp = tempDbPath();
    const a = new SqliteStore(tmp.path);
    const b = new SqliteStore(tmp.path);
    try {
      await a.ingest([makeCall({ startedAt: T0, costUSD: 1 })], T0);
      await b.ingest([makeCall({ startedAt: T0, costUSD: 2 })], T0);
      await a.ingest([makeCall({ startedAt: T0, costUSD: 4 })], T0);
      const [row] = await b.stats({ groupBy: "all", period: "all" });
      expect(row).toMatchObject({ calls: 3, costUSD: 7 });
    } finally {
      await a.close();
      await b.close();
      tmp.cleanup();
    }
  });
});

describe("SqliteStore with background checkpoints", () => {
  it("checkpoints the WAL from a worker thread and folds it back in on close", async () => {
    const tmp = tempDbPath();
    const store = new SqliteStore(tmp.path, { backgroundCheckpoint: true });
    try {
      expect(store.db.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
      await store.ingest(Array.from({ length: 2000 }, (_, i) => makeCall({ startedAt: T0 + i })), T0);
      const { statSync } = await import("node:fs");
      const walBefore = statSync(`${tmp.path}-wal`).size;
      expect(walBefore).toBeGreaterThan(0);
      // the worker's PASSIVE checkpoint copies the WAL into the main file
      let dbSize = 0;
      for (let i = 0; i < 100 && dbSize < 1_000_000; i++) {
        await new Promise((r) => setTimeout(r, 50));
        dbSize = statSync(tmp.path).size;
      }
      expect(dbSize).toBeGreaterThan(1_000_000);
      await store.close();
      const reopened = new SqliteStore(tmp.path);
      expect(await reopened.count()).toBe(2000);
      await reopened.close();
    } finally {
      await store.close();
      tmp.cleanup();
    }
  });
});

describe("SqliteStore with batches posted at the same moment", () => {
  it("keeps ids, duplicates, rollups and token baselines exact across the shared commit", async () => {
    const tmp = tempDbPath();
    const store = new SqliteStore(tmp.path);
    try {
      const a = Array.from({ length: 30 }, (_, i) => makeCall({ startedAt: T0 + i, inputTokens: 100, outputTokens: 0, costUSD: 1 }));
      const b = Array.from({ length: 20 }, (_, i) => makeCall({ startedAt: T0 + 100 + i, inputTokens: 100, outputTokens: 0, costUSD: 1 }));
      // the same batch twice in one group (a client retrying while the first is in flight)
      const [ra, rb, retry] = await Promise.all([store.ingest(a, T0), store.ingest(b, T0), store.ingest(a, T0)]);
      expect(ra).toMatchObject({ duplicates: 0 });
      expect(ra.inserted.map((c) => c.call.id)).toEqual(a.map((c) => c.id));
      expect(rb.inserted).toHaveLength(20);
      expect(retry).toMatchObject({ inserted: [], duplicates: 30 });
      // token baselines run across the group in record-time order: b's first call sees a's 30
      expect(rb.inserted[0]!.tokenBaseline).toEqual({ median: 100, samples: 30 });
      expect(await store.count()).toBe(50);
      const [all] = await store.stats({ groupBy: "all", period: "all" });
      expect(all).toMatchObject({ calls: 50, costUSD: 50 });
    } finally {
      await store.close();
      tmp.cleanup();
    }
  });
});
