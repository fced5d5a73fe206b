// What is particular to SQLite; the behaviour every store shares is in store-suite.ts.
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

  it("sets journal mode WAL and records the schema version", () => {
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("synchronous", { simple: true })).toBe(1);
    expect(store.db.prepare("SELECT MAX(version) FROM migrations").pluck().get()).toBe(7);
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
