// An hour's p95 two days after a new snapshot took over a model: the snapshot's
// calls are slower, as they have been since it appeared, and the rest are as
// usual. A joiner of the week before made three calls in the hour, one of them
// slow; her own p95 swings from day to day (a mix of her features). She carries
// nothing of the point, so whether she has settled does not matter.
import { afterEach, describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { DayRow, KeyDays } from "./daily-series.ts";
import { carriedByYoungKeys, type NewKeys } from "./young-keys.ts";

const DAY = Date.UTC(2026, 2, 11) / 86_400_000;
const HOUR = 12;
const SNAPSHOT = "claude-sonnet-4-5-20260316";
let temp: TempStore;
afterEach(() => temp.close());

const row = (calls: number, latencyP95Ms: number): DayRow => ({ period: "", key: "", calls, errors: 0, errorsByKind: {}, inputTokens: 0, outputTokens: 0, costUSD: 0, latencyP95Ms });
function young(firstSeen: number, rows: [number, DayRow][]): KeyDays {
  const days: KeyDays = new Map(rows);
  days.firstSeen = firstSeen;
  days.dataFrom = DAY - 40;
  return days;
}

async function hourOfCalls() {
  temp = openTempStore();
  const at = (i: number) => dayStart(DAY) + HOUR * HOUR_MS + i * 30_000;
  const calls = [
    // the snapshot's 20 calls, 10 of them slower than the usual p95 (10 s), as since it appeared
    ...Array.from({ length: 20 }, (_, i) => Object.assign(makeCall({ startedAt: at(i), durationMs: i < 10 ? 20_000 : 2_000, tags: { userId: `u${i % 8}` } }), { responseModel: SNAPSHOT })),
    // everyone else's 60 calls as usual
    ...Array.from({ length: 60 }, (_, i) => makeCall({ startedAt: at(20 + i), durationMs: 2_000, tags: { userId: `u${i % 8}` } })),
    // the joiner's three, one slow
    ...[20_000, 2_000, 2_000].map((durationMs, i) => makeCall({ startedAt: at(90 + i), durationMs, tags: { userId: "joiner" } })),
  ];
  await temp.store.ingest(calls, dayStart(DAY));
}

const point = { key: "", metric: "latencyP95" as const, day: DAY, hour: HOUR, value: 20_000, expected: 10_000, sigma: 1_000 };
const snapshot = young(DAY - 2, [[DAY - 2, row(98, 80_000)], [DAY - 1, row(149, 66_000)], [DAY, row(341, 47_000)]]);

describe("a percentile young keys carry", () => {
  it("is the young keys' news going on when the ones slow beyond chance have settled, whatever a joiner with a slow call did", async () => {
    await hourOfCalls();
    // the joiner, a power user, had a p95 of 10 s on her first days and 40 s today
    const joiner = young(DAY - 5, [[DAY - 5, row(70, 10_000)], [DAY - 4, row(80, 10_000)], [DAY, row(90, 40_000)]]);
    const keys: NewKeys = new Map([["responseModel", new Map([[SNAPSHOT, snapshot]])], ["user", new Map([["joiner", joiner]])]]);
    expect(await carriedByYoungKeys(temp.store, "all", point, 6, keys)).toBe(true);
  });

  it("is the young key's news going on the day after it appeared: its first evening's p95 is no whole day's level", async () => {
    await hourOfCalls();
    const dayAfter = young(DAY - 1, [[DAY - 1, row(73, 30_000)], [DAY, row(251, 47_000)]]);
    expect(await carriedByYoungKeys(temp.store, "all", point, 6, new Map([["responseModel", new Map([[SNAPSHOT, dayAfter]])]]))).toBe(true);
  });

  it("is not, where the slow young key has not settled", async () => {
    await hourOfCalls();
    const slower = young(DAY - 2, [[DAY - 2, row(98, 8_000)], [DAY - 1, row(149, 9_000)], [DAY, row(341, 47_000)]]);
    expect(await carriedByYoungKeys(temp.store, "all", point, 6, new Map([["responseModel", new Map([[SNAPSHOT, slower]])]]))).toBe(false);
  });
});
