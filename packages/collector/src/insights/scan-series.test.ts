// A night hour of an office's app holds a call now and then: too few to make
// a baseline of its own, so its rates are not judged. Its requests are: a
// loop started at 02:00 makes hundreds of calls in an hour nobody watches,
// and they are judged against an average hour of the day (a night's stray
// call is no usual level), so a few people working late stay under the floor.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { loadDailySeries } from "./daily-series.ts";
import { loadHourSlices } from "./hourly-series.ts";
import { DEFAULT_MATERIALITY } from "./materiality.ts";
import { scanSeries, type ScanOptions } from "./scan-series.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const NIGHT = 2;

/** thirty calls an hour 09:00–17:00, a call at 02:00 every other day; on DAY `night` calls at 02:00, failing where `failing` */
function dayOfCalls(day: number, night: number, failing: boolean): LLMCall[] {
  const calls: LLMCall[] = [];
  for (let hour = 9; hour < 17; hour++) {
    for (let i = 0; i < 30; i++) calls.push(makeCall({ startedAt: dayStart(day) + hour * HOUR_MS + i * 2 * 60_000, tags: { userId: `u${i % 8}` } }));
  }
  const atNight = day === DAY ? night : day % 2;
  for (let i = 0; i < atNight; i++) {
    const at = dayStart(day) + NIGHT * HOUR_MS + Math.floor((i * HOUR_MS) / atNight);
    calls.push(makeCall({ startedAt: at, tags: { userId: day === DAY ? "night-owl" : "u0" }, ...(failing && day === DAY ? { errorKind: "server" as const } : {}) }));
  }
  return calls;
}

let temp: TempStore;
beforeEach(() => void (temp = openTempStore()));
afterEach(() => temp.close());

/** the whole app's points at 02:00 on DAY */
async function nightPoints(night: number, failing = false) {
  for (let d = FIRST; d <= DAY; d++) await temp.store.ingest(dayOfCalls(d, night, failing), dayStart(d));
  const app = (await loadDailySeries(temp.store, "all", FIRST, DAY)).get("")!;
  const slice = (await loadHourSlices(temp.store, "all", FIRST, DAY))[NIGHT]!;
  const q: ScanOptions = { fromDay: DAY, toDay: DAY, historyDays: 28, threshold: 6, minCalls: 20, now: dayStart(DAY + 1), materiality: DEFAULT_MATERIALITY, app, appHour: slice.get("")! };
  return scanSeries(slice, "all", q, NIGHT);
}

describe("scanSeries, a quiet hour", () => {
  it("flags a loop's hundreds of requests in a night hour, against an average hour of the day", async () => {
    const points = await nightPoints(150, true);
    // the loop's calls all fail, but a night's rate has no baseline to judge: only its requests are
    expect(points.map((p) => p.metric)).toEqual(["calls"]);
    // 240 calls a day make an average hour of 10
    expect(points[0]!.expected).toBeCloseTo(10, 0);
    expect(points[0]!.impact.amount).toBeCloseTo(140, 0);
  }, 60_000);

  it("keeps quiet a night hour of a few more calls than an average hour", async () => {
    // twenty calls: ten more than an average hour, 4% of the day
    expect(await nightPoints(20)).toEqual([]);
  }, 60_000);
});
