// A lightly used model, about 25 calls a day, has a 110-call Friday: two
// people's busy days and a third's at once, each within her own usual range.
// That is their day, not the model's incident; a model's first day is news
// however few people bring it, and a rise spread over many people stands.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { oneOrdinaryPerson } from "./one-person.ts";

const DAY = Date.UTC(2026, 2, 13) / 86_400_000;

let temp: TempStore;
beforeEach(() => {
  temp = openTempStore();
});
afterEach(() => temp.close());

/** `perUser` calls on gemini-2.5-flash for each user, through the office day */
async function store(perUser: Record<string, number>): Promise<void> {
  const calls = Object.entries(perUser).flatMap(([userId, n]) =>
    Array.from({ length: n }, (_, i) => makeCall({ startedAt: dayStart(DAY) + 8 * HOUR_MS + i * 5 * 60_000, model: "gemini-2.5-flash", tags: { userId, feature: "campaign-copy" } })),
  );
  await temp.store.ingest(calls, dayStart(DAY));
}

const point = (value: number, usualCalls: number): Anomaly => ({
  dimension: "model", key: "gemini-2.5-flash", metric: "calls", day: DAY, dayLabel: dayLabel(DAY), value, expected: usualCalls, score: 6.4, change: value / Math.max(usualCalls, 1) - 1,
  impact: { floor: "calls", amount: value - usualCalls, share: 0.14, dayShare: 0.14 }, usualCalls, message: "",
});
const everyoneOrdinary = () => true;

describe("oneOrdinaryPerson", () => {
  it("drops a small series' busy day that three ordinary people's busy days make", async () => {
    await store({ m13: 34, m01: 34, f02: 20, f03: 9, f04: 8, f05: 5 });
    expect(await oneOrdinaryPerson(temp.store, "model", point(110, 25), everyoneOrdinary)).toBe(true);
    // unless one of them is unusual herself: then she is the news, under her own name
    expect(await oneOrdinaryPerson(temp.store, "model", point(110, 25), (user) => user !== "m01")).toBe(false);
  });

  it("keeps a key's first day however few people bring it", async () => {
    await store({ m13: 34, m01: 34, f02: 20, f03: 9, f04: 8, f05: 5 });
    expect(await oneOrdinaryPerson(temp.store, "model", point(110, 0), everyoneOrdinary)).toBe(false);
  });

  it("keeps a rise spread over many people", async () => {
    await store(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`u${i}`, 10])));
    expect(await oneOrdinaryPerson(temp.store, "model", point(110, 25), everyoneOrdinary)).toBe(false);
  });
});
