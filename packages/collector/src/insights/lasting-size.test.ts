// A small prompt beside a big one: its input grows by 1,500 tokens a call,
// about 4% of the app's usual tokens on the day, under the 5% floor. Edited at
// 13:00 and still at the new size when the day ends, it costs that every day
// from now on and is reported; the same extra tokens spread over one whole day
// (a day of longer questions, back to usual the next) is not.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { detectAnomalies } from "./detect-anomalies.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const EXTRA = 1500;

function dayOf(day: number, extra: (at: number) => number): LLMCall[] {
  const random = seededRandom(day * 13 + 5);
  const bulk = Array.from({ length: 400 }, (_, i) =>
    makeCall({ startedAt: dayStart(day) + 6 * HOUR_MS + i * 120_000, inputTokens: Math.round(3000 * random.logNormal(0.2)), outputTokens: 200, tags: { promptId: "bulk.summarize", feature: "bulk", userId: "batch" } }),
  );
  const assist = Array.from({ length: 80 }, (_, i) => {
    const at = dayStart(day) + 8 * HOUR_MS + i * 7.5 * 60_000;
    return makeCall({ startedAt: at, inputTokens: Math.round(2000 * random.logNormal(0.45)) + extra(at), outputTokens: 300, tags: { promptId: "assist.answer", feature: "assist", userId: `u${i % 9}` } });
  });
  return [...bulk, ...assist];
}

const flagged = async (store: Parameters<typeof detectAnomalies>[0], lastingSize?: number) =>
  (await detectAnomalies(store, { fromDay: DAY, toDay: DAY, dimensions: ["prompt"], hourly: false, now: dayStart(DAY + 1), ...(lastingSize ? { materiality: { lastingSize } } : {}) }))
    .filter((a) => a.key === "assist.answer" && a.metric === "tokensPerRequest")
    .map((a) => `${a.key} ${a.metric} ${a.day} ${(a.impact.share * 100).toFixed(1)}%`);

describe("sizePointsReadAgain, the lasting points", () => {
  const edited = daysStoredPerTest(FIRST, DAY, (day) => dayOf(day, (at) => (day === DAY && at >= dayStart(day) + 13 * HOUR_MS ? EXTRA : 0)));

  it("reports a prompt edited in the afternoon and still at its new size at the day's end, under the day's tokens floor", async () => {
    const found = await flagged(edited());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^assist\\.answer tokensPerRequest ${DAY} [2-4]\\.\\d%$`));
    // with the lasting floor no lower than the tokens floor it stays under, as before
    expect(await flagged(edited(), 0.05)).toEqual([]);
  }, 60_000);

  // the same extra tokens over the whole day, the day before at the usual size: nothing says it lasts
  const spike = daysStoredPerTest(FIRST, DAY, (day) => dayOf(day, () => (day === DAY ? Math.round((EXTRA * 39) / 80) : 0)));

  it("leaves a one-day rise of the same size under the floor", async () => {
    // this fixture's premise: at the lasting floor for every day it would be reported
    const low = await detectAnomalies(spike(), { fromDay: DAY, toDay: DAY, dimensions: ["prompt"], hourly: false, now: dayStart(DAY + 1), materiality: { tokens: 0.02 } });
    expect(low.map((a) => `${a.key} ${a.metric}`)).toContain("assist.answer tokensPerRequest");
    expect(await flagged(spike())).toEqual([]);
  }, 60_000);
});
