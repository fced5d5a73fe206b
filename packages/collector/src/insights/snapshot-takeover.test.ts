// gpt-4o makes over a third of an app's calls; at 23:00 the provider starts serving
// it from a new snapshot. That evening's few calls are under the floors
// of the day's totals, yet the snapshot now answers every gpt-4o call: news on
// its first day, whoever made those calls. A canary serving one call in eight
// is not a takeover.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { detectAnomalies } from "./detect-anomalies.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const CHANGE = FIRST + 28;
const ALIAS_CALLS = 240;

/** a day of calls: big gpt-4.1 calls, and gpt-4o calls that `served` decides the snapshot of */
function dayOfCalls(day: number, served: (at: number, i: number) => string): LLMCall[] {
  const spread = (n: number, i: number) => dayStart(day) + i * ((24 * HOUR_MS) / n);
  const big = Array.from({ length: 400 }, (_, i) => makeCall({ startedAt: spread(400, i), model: "gpt-4.1", inputTokens: 3000, outputTokens: 500, tags: { userId: `u${i % 30}`, feature: "review" } }));
  const alias = Array.from({ length: ALIAS_CALLS }, (_, i) => {
    const startedAt = spread(ALIAS_CALLS, i);
    const call = makeCall({ startedAt, model: "gpt-4o", inputTokens: 120, outputTokens: 300 + (i % 7) * 20, tags: { userId: `u${i % 30}`, feature: "chat" } });
    call.responseModel = served(startedAt, i);
    return call;
  });
  return [...big, ...alias].sort((a, b) => a.startedAt - b.startedAt);
}

const OLD = "gpt-4o-2024-08-06";
const NEW = "gpt-4o-2026-03-03";
let temp: TempStore;
beforeEach(async () => {
  temp = openTempStore();
  for (let d = FIRST; d < CHANGE; d++) await temp.store.ingest(dayOfCalls(d, () => OLD), dayStart(d));
}, 60_000);
afterEach(() => temp.close());

const flagged = async () => (await detectAnomalies(temp.store, { fromDay: CHANGE, toDay: CHANGE, now: dayStart(CHANGE + 1), hourly: false })).map((a) => `${a.dimension}=${a.key} ${a.metric}`);

describe("a new served snapshot", () => {
  it("is news the day it takes over its model's calls, late in the day and under the floors of the day's totals", async () => {
    // ten calls before midnight: fewer than a new key's requests are judged on
    await temp.store.ingest(dayOfCalls(CHANGE, (at) => (at >= dayStart(CHANGE) + 23 * HOUR_MS ? NEW : OLD)), dayStart(CHANGE));
    const found = await detectAnomalies(temp.store, { fromDay: CHANGE, toDay: CHANGE, now: dayStart(CHANGE + 1), hourly: false });
    const news = found.find((a) => a.dimension === "responseModel" && a.key === NEW);
    expect(news?.metric).toBe("calls");
    // what it answers from now on: gpt-4o's usual day, over a third of the app's calls
    expect(news?.impact.floor).toBe("affected");
    expect(news?.impact.amount).toBeCloseTo(ALIAS_CALLS, -1);
    expect(news?.impact.share).toBeGreaterThan(0.2);
  }, 60_000);

  it("is news though one person made all of its first calls: it answers everyone's from now on", async () => {
    const day = dayOfCalls(CHANGE, (at) => (at >= dayStart(CHANGE) + 21 * HOUR_MS ? NEW : OLD));
    for (const call of day) if (call.responseModel === NEW) call.tags.userId = "night-owl";
    await temp.store.ingest(day, dayStart(CHANGE));
    expect(await flagged()).toContain(`responseModel=${NEW} calls`);
  }, 60_000);

  it("is not news while it serves one call in eight of its model's calls", async () => {
    await temp.store.ingest(dayOfCalls(CHANGE, (_, i) => (i % 8 === 0 ? NEW : OLD)), dayStart(CHANGE));
    expect(await flagged()).toEqual([]);
  }, 60_000);
});
