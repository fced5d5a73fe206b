import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "./sqlite-store.ts";
import { rebuildRollups } from "./rebuild-rollups.ts";
import { demoCalls } from "../testing/demo-calls.ts";
import { tempDbPath } from "../testing/temp-db.ts";

let tmp: ReturnType<typeof tempDbPath>;
beforeEach(() => {
  tmp = tempDbPath();
});
afterEach(() => tmp.cleanup());

describe("rebuildRollups on SQLite", () => {
  it("recomputes damaged rows and gives days stored without hour rows their hours", async () => {
    const store = new SqliteStore(tmp.path);
    await store.ingest(demoCalls({ days: 5, perDay: 200, end: Date.UTC(2026, 2, 10) }), 0);
    const before = await store.stats({ groupBy: "user", period: "day" });
    const hourly = await store.stats({ groupBy: "provider", period: "hour" });
    expect(hourly.length).toBeGreaterThan(5 * 12);
    store.db.exec("UPDATE rollup SET calls = 0; DELETE FROM rollup WHERE dim LIKE '%@hour'");
    expect(await store.stats({ groupBy: "provider", period: "hour" })).toEqual([]);
    expect(rebuildRollups(store.db)).toBe(await store.count());
    expect(await store.stats({ groupBy: "user", period: "day" })).toEqual(before);
    // each hour of a day stays its own row
    expect(await store.stats({ groupBy: "provider", period: "hour" })).toEqual(hourly);
    await store.close();
  });

  it("leaves the rows of days and hours outside the calls' span alone", async () => {
    const store = new SqliteStore(tmp.path);
    const end = Date.UTC(2026, 2, 10);
    await store.ingest(demoCalls({ days: 2, perDay: 50, end }), 0);
    // rows of a month whose calls are gone, as after an import of rollups alone
    const insert = store.db.prepare(`INSERT INTO rollup (dim, key, day, calls, input_tokens, output_tokens, cost_usd, errors,
      errors_by_kind, latency_hist, ttft_hist) VALUES (?, '', ?, 7, 0, 0, 1.5, 0, '{}', '{}', '{}')`);
    const oldDay = Math.floor(Date.UTC(2026, 0, 5) / 86_400_000);
    insert.run("all", oldDay);
    insert.run("all@hour", oldDay * 24 + 9);
    rebuildRollups(store.db);
    const january = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1) };
    expect((await store.stats({ groupBy: "all", period: "day", ...january })).map((r) => [r.period, r.calls])).toEqual([["2026-01-05", 7]]);
    expect((await store.stats({ groupBy: "all", period: "hour", ...january })).map((r) => [r.period, r.calls])).toEqual([["2026-01-05T09:00", 7]]);
    const [all] = await store.stats({ groupBy: "all", period: "all" });
    expect(all!.calls).toBe((await store.count()) + 7);
    await store.close();
  });
});
