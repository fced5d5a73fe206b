import { afterEach, describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayStart } from "../store/time-buckets.ts";
import { excessSlowCalls } from "./slow-calls.ts";

const DAY = Date.UTC(2026, 2, 2) / 86_400_000;
let temp: TempStore;
afterEach(() => temp.close());

/** 80 calls of provider p: `slow` of them take 30 s, the rest 1 s; made by `people` people in turn, the slow ones by the first `slowBy` of them */
async function store(slow: number, people = 20, slowBy = people) {
  temp = openTempStore();
  const user = (i: number) => (i < slow ? i % slowBy : i % people);
  const calls = Array.from({ length: 80 }, (_, i) =>
    makeCall({ startedAt: dayStart(DAY) + i * 60_000, provider: "p", durationMs: i < slow ? 30_000 : 1_000, tags: { userId: `u${user(i)}` } }),
  );
  await temp.store.ingest(calls, dayStart(DAY));
}

const point = { key: "p", metric: "latencyP95" as const, day: DAY, expected: 5_000 };

describe("excessSlowCalls", () => {
  it("gives nothing when a few slow calls make the p95 (5 of 80 are above the usual p95 by chance)", async () => {
    await store(6);
    expect(await excessSlowCalls(temp.store, "provider", point)).toBe(0);
  });

  it("counts the calls slowed beyond the usual 5% when many are", async () => {
    await store(40);
    expect(await excessSlowCalls(temp.store, "provider", point)).toBeCloseTo(40 - 0.05 * 80);
  });

  it("gives nothing when two people's runs of long calls are the slow ones, and counts them when the slow calls are everyone's", async () => {
    // 16 slow calls of 80 are far beyond chance; made by two of twenty people, they are those two people's work
    await store(16, 20, 2);
    expect(await excessSlowCalls(temp.store, "provider", point)).toBe(0);
    await store(16, 20, 8);
    expect(await excessSlowCalls(temp.store, "provider", point)).toBeCloseTo(16 - 0.05 * 80);
    // four people who make all the calls, each slowed on 4 of her 20: everyone's calls slowed
    await store(16, 4, 4);
    expect(await excessSlowCalls(temp.store, "provider", point)).toBeCloseTo(16 - 0.05 * 80);
    // one person's own series is hers alone
    await store(16, 20, 2);
    expect(await excessSlowCalls(temp.store, "user", { ...point, key: "u0" })).toBeGreaterThan(0);
  });

  it("leaves measures that are no percentile alone", async () => {
    await store(0);
    expect(await excessSlowCalls(temp.store, "provider", { ...point, metric: "errorRate" })).toBeUndefined();
  });
});
