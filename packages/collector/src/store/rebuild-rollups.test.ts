import { afterEach, describe, expect, it } from "vitest";
import { SqliteStore } from "./sqlite-store.ts";
import { rebuildRollups } from "./rebuild-rollups.ts";
import { demoCalls } from "../testing/demo-calls.ts";
import { tempDbPath } from "../testing/temp-db.ts";

const tmp = tempDbPath();
afterEach(() => tmp.cleanup());

describe("rebuildRollups", () => {
  it("recomputes exactly what ingest maintained", async () => {
    const store = new SqliteStore(tmp.path);
    await store.ingest(demoCalls({ days: 5, perDay: 200, end: Date.UTC(2026, 2, 10) }), 0);
    const before = await store.stats({ groupBy: "user", period: "day" });
    const hourly = await store.stats({ groupBy: "provider", period: "hour" });
    expect(hourly.length).toBeGreaterThan(5 * 12);
    store.db.exec("UPDATE rollup SET calls = 0");
    expect(rebuildRollups(store.db)).toBe(await store.count());
    expect(await store.stats({ groupBy: "user", period: "day" })).toEqual(before);
    // each hour of a day stays its own row
    expect(await store.stats({ groupBy: "provider", period: "hour" })).toEqual(hourly);
    await store.close();
  });
});
