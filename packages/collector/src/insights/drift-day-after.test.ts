// A prompt's answers drifted dearer over a working week and stay there: a
// little on Thursday, more on Friday (short of news), a weekend too quiet to
// read, Monday far enough out to be news, and Tuesday a last step up, still
// within a change worth attention of Monday. Tuesday is where the drift got
// to, not news again (nor in its feature, which carries it); a Tuesday that
// jumps well beyond Monday's level is.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { detectAnomalies } from "./detect-anomalies.ts";

/** a Monday; DAY is the Tuesday five weeks on */
const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 29;
const weekend = (day: number) => (day - FIRST) % 7 >= 5;

/** the drift: the answers' cost over their usual, by days before DAY (Thursday, Friday, Saturday, Sunday, Monday) */
const DRIFT: Record<number, number> = { 5: 1.06, 4: 1.2, 3: 1.5, 2: 1.2, 1: 1.85 };

function dayOf(day: number, today: number): LLMCall[] {
  const random = seededRandom(day * 17 + 3);
  const factor = day === DAY ? today : day > DAY - 6 ? DRIFT[DAY - day]! : 1;
  const bulk = Array.from({ length: weekend(day) ? 40 : 400 }, (_, i) =>
    makeCall({ startedAt: dayStart(day) + 6 * HOUR_MS + i * 120_000, inputTokens: Math.round(3000 * random.logNormal(0.2)), outputTokens: 200, tags: { promptId: "bulk.summarize", feature: "bulk", userId: "batch" } }),
  );
  const answers = Array.from({ length: weekend(day) ? 4 : 60 }, (_, i) =>
    makeCall({ startedAt: dayStart(day) + 8 * HOUR_MS + i * 8 * 60_000, inputTokens: 3000, outputTokens: 300, costUSD: 0.01 * factor * random.logNormal(0.55), tags: { promptId: "assist.answer", feature: "assist", userId: `u${i % 9}` } }),
  );
  return [...bulk, ...answers];
}

const flagged = async (store: Parameters<typeof detectAnomalies>[0]) =>
  (await detectAnomalies(store, { fromDay: DAY - 1, toDay: DAY, dimensions: ["prompt", "feature"], metrics: ["costPerRequest"], hourly: false, now: dayStart(DAY + 1) }))
    .filter((a) => a.key.startsWith("assist"))
    .map((a) => `${a.dimension}=${a.key} ${a.day - DAY}`);

describe("the day after a drift", () => {
  const held = daysStoredPerTest(FIRST, DAY, (day) => dayOf(day, 2.3));

  it("is quiet at the level the drift got to, which was news the day before", async () => {
    const found = await flagged(held());
    // the premise: Monday, where the drift got to, was news
    expect(found).toContain("prompt=assist.answer -1");
    expect(found.filter((f) => f.endsWith(" 0"))).toEqual([]);
  }, 60_000);

  const jumped = daysStoredPerTest(FIRST, DAY, (day) => dayOf(day, 3));

  it("still reports a new jump beyond that level", async () => {
    expect(await flagged(jumped())).toContain("prompt=assist.answer 0");
  }, 60_000);
});
