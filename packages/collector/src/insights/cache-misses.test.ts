// A contract prompt of fifteen calls a day whose 6,000-token prefix is read
// from the cache on 85% of them, beside a busy cheap prompt that makes most of
// the app's calls: its cache breaks from noon. Too few calls for the day
// rollups to judge a rate; read call by call, the hits fall far short.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { seededRandom } from "../testing/seeded-random.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { CONTRACT_PREFIX, contractDay } from "../testing/contract-day.ts";
import { promptScan } from "../testing/prompt-scan.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { cacheMissPoints } from "./cache-misses.ts";
import { DEFAULT_MATERIALITY } from "./materiality.ts";
import { scanSeries } from "./scan-series.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
function dayOfCalls(day: number): LLMCall[] {
  const random = seededRandom(day * 17 + 3);
  const cachedOf = (_: number, at: number) => (!(day === DAY && at >= dayStart(day) + 12 * HOUR_MS) && random.next() < 0.85 ? CONTRACT_PREFIX : 0);
  return contractDay(day, cachedOf, { inputTokens: 400, outputTokens: 100, costUSD: 0.0008 });
}

const store = daysStoredPerTest(FIRST, DAY, dayOfCalls);

const scanOf = (fromDay: number, toDay: number) => promptScan(store(), FIRST, fromDay, toDay);

describe("cacheMissPoints", () => {
  it("flags a small prompt whose cache broke at noon, which the day rollups do not judge", async () => {
    const { scan, prompts } = await scanOf(DAY, DAY);
    // fifteen calls are too few for the rollups' rate (this fixture's premise)
    expect(scanSeries(prompts, "prompt", scan).filter((p) => p.key === "contract-qa.answer")).toEqual([]);
    const found = await cacheMissPoints(store(), prompts, "prompt", scan);
    expect(found.map((p) => `${p.key} ${p.metric} ${p.day}`)).toEqual([`contract-qa.answer cachedInputPerRequest ${DAY}`]);
    expect(found[0]!.impact.floor).toBe("cost");
    expect(found[0]!.impact.share).toBeGreaterThanOrEqual(DEFAULT_MATERIALITY.cost);
  }, 60_000);

  it("flags nothing on the ordinary days before it", async () => {
    const { scan, prompts } = await scanOf(DAY - 14, DAY - 1);
    expect(await cacheMissPoints(store(), prompts, "prompt", scan)).toEqual([]);
  }, 60_000);

  it("leaves a break whose dollars are not material to the app", async () => {
    const { scan, prompts } = await scanOf(DAY, DAY);
    expect(await cacheMissPoints(store(), prompts, "prompt", { ...scan, materiality: { ...DEFAULT_MATERIALITY, cost: 0.9, cacheBreakDays: 0 } })).toEqual([]);
  }, 60_000);
});
