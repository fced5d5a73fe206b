// The whole app's 17:00 at 47 requests against a usual 11: a dozen people
// working late, each within her usual day, is their evening; the same extra
// requests failing (a retry storm) or made by one key beyond its usual day
// (a loop) stand. A provider's hour is read the same way, over its own calls.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { manyOrdinaryPeople } from "./busy-hour.ts";

const DAY = Date.UTC(2026, 1, 25) / 86_400_000;
const HOUR = 17;

let temp: TempStore;
beforeEach(() => {
  temp = openTempStore();
});
afterEach(() => temp.close());

/** `perUser` calls each in 17:00–18:00 on the provider's model, failing with a rate limit where `failing` */
async function store(perUser: Record<string, number>, failing = false, provider = "openai"): Promise<void> {
  const model = provider === "openai" ? "gpt-4o" : "claude-sonnet-4-5";
  const calls = Object.entries(perUser).flatMap(([userId, n]) =>
    Array.from({ length: n }, (_, i) => makeCall({ startedAt: dayStart(DAY) + HOUR * HOUR_MS + i * 60_000, model, provider, tags: { userId }, ...(failing ? { errorKind: "rate_limit" as const } : {}) })),
  );
  await temp.store.ingest(calls, dayStart(DAY));
}

const point = (value: number, expected: number): Anomaly => ({
  dimension: "all", key: "", metric: "calls", day: DAY, dayLabel: dayLabel(DAY), hour: HOUR, value, expected, score: 8, change: value / expected - 1,
  impact: { floor: "calls", amount: value - expected, share: 0.05, dayShare: 0.05 }, usualCalls: expected, message: "",
});
const LATE = { s16: 7, s06: 7, s45: 6, s38: 4, l07: 3, e45: 3, s35: 3, e27: 3, s04: 2, e24: 1, e26: 1, f04: 1, s15: 1, s17: 1, s05: 1, s22: 1, e20: 1, s01: 1 };
const everyoneOrdinary = () => true;

describe("manyOrdinaryPeople", () => {
  it("drops an evening hour that many people each within her usual day make", async () => {
    await store(LATE);
    expect(await manyOrdinaryPeople(temp.store, point(47, 11), everyoneOrdinary)).toBe(true);
    // a few of them too new to judge leave the rest carrying it
    expect(await manyOrdinaryPeople(temp.store, point(47, 11), (user) => user !== "s45" && user !== "s22")).toBe(true);
  });

  it("keeps the hour when the extra requests fail, as a retry storm's do", async () => {
    await store({ s16: 2, s06: 2, s38: 2, l07: 2, e45: 2, s35: 1 });
    await store({ s16: 6, s06: 6, s38: 6, l07: 6, e45: 6, s35: 6 }, true);
    expect(await manyOrdinaryPeople(temp.store, point(47, 11), everyoneOrdinary)).toBe(false);
  });

  it("keeps the hour when one key beyond its usual day makes the extra requests", async () => {
    await store({ loop: 36, s16: 3, s06: 3, s38: 3, l07: 2 });
    expect(await manyOrdinaryPeople(temp.store, point(47, 11), (user) => user !== "loop")).toBe(false);
  });

  it("judges only hourly requests, of the whole app or a provider, the provider's over its own calls", async () => {
    await store(LATE);
    expect(await manyOrdinaryPeople(temp.store, { ...point(47, 11), hour: undefined }, everyoneOrdinary)).toBe(false);
    expect(await manyOrdinaryPeople(temp.store, { ...point(47, 11), dimension: "model", key: "gpt-4o" }, everyoneOrdinary)).toBe(false);
    // the people working late did so on openai's models: its hour is their evening, anthropic's is not
    expect(await manyOrdinaryPeople(temp.store, { ...point(47, 11), dimension: "provider", key: "openai" }, everyoneOrdinary)).toBe(true);
    await store({ loop: 40 }, false, "anthropic");
    expect(await manyOrdinaryPeople(temp.store, { ...point(47, 11), dimension: "provider", key: "anthropic" }, (user) => user !== "loop")).toBe(false);
  });
});
