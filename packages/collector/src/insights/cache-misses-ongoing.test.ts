// A broken cache still missing at the day's end goes on costing its rate every
// day until someone fixes it, so it is judged on what a day of its misses
// costs over a working week, where a run over by evening is judged on what it
// cost. Beside a busy prompt that makes most of the app's dollars, a contract
// prompt's six misses from 14:00 to the day's last call cost under 4% of the
// app's day (under the 5% dollars floor); seven misses fixed before the day's
// last call cost about 4% and stay under it.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { seededRandom } from "../testing/seeded-random.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { CONTRACT_PREFIX, contractDay } from "../testing/contract-day.ts";
import { promptScan } from "../testing/prompt-scan.ts";
import { cacheMissPoints } from "./cache-misses.ts";
import { DEFAULT_MATERIALITY } from "./materiality.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
/** the cache breaks at 14:00 and is still missing at the day's last call (17:20) */
const ONGOING = FIRST + 28;
/** the cache misses from 12:40 to 16:40 and reads again at 17:20, the day's last call */
const FIXED = FIRST + 35;

/** fifteen contract calls from 08:00, forty minutes apart, beside a busy prompt of $12 a day */
function dayOfCalls(day: number): LLMCall[] {
  const random = seededRandom(day * 31 + 7);
  const cachedOf = (i: number) => {
    if ((day === ONGOING && i >= 9) || (day === FIXED && i >= 7 && i <= 13)) return 0;
    return (day === FIXED && i === 14) || random.next() < 0.85 ? CONTRACT_PREFIX : 0;
  };
  return contractDay(day, cachedOf, { inputTokens: 2000, outputTokens: 400, costUSD: 0.04 });
}

const store = daysStoredPerTest(FIRST, FIXED, dayOfCalls);

describe("cacheMissPoints, a break still going at the day's end", () => {
  it("flags six misses to the day's last call, under the dollars floor on the day but over it in a week", async () => {
    const { scan, prompts } = await promptScan(store(), FIRST, ONGOING, ONGOING);
    const found = await cacheMissPoints(store(), prompts, "prompt", scan);
    expect(found.map((p) => `${p.key} ${p.day}`)).toEqual([`contract-qa.answer ${ONGOING}`]);
    // the anomaly tells what the run cost, not the week's projection
    expect(found[0]!.impact.share).toBeLessThan(DEFAULT_MATERIALITY.cost);
    // with no horizon it is judged on its day alone, and stays under
    expect(await cacheMissPoints(store(), prompts, "prompt", { ...scan, materiality: { ...DEFAULT_MATERIALITY, cacheBreakDays: 0 } })).toEqual([]);
  }, 60_000);

  it("holds a run fixed before the day's last call to the dollars floor", async () => {
    const { scan, prompts } = await promptScan(store(), FIRST, FIXED, FIXED);
    expect(await cacheMissPoints(store(), prompts, "prompt", scan)).toEqual([]);
    // the same run is a break by every other reading: at a fifth of the dollars floor it is reported
    const lowered = await cacheMissPoints(store(), prompts, "prompt", { ...scan, materiality: { ...DEFAULT_MATERIALITY, cost: DEFAULT_MATERIALITY.cost / 5 } });
    expect(lowered.map((p) => `${p.key} ${p.day}`)).toEqual([`contract-qa.answer ${FIXED}`]);
    expect(lowered[0]!.impact.share).toBeLessThan(DEFAULT_MATERIALITY.cost);
  }, 60_000);
});
