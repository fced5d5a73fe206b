// A broken cache is a run of misses, not a count of them: a day of scattered
// misses as many as a break's is a working cache's bad luck, and a break that
// began one afternoon and went on the next morning is one run, whose dollars
// are all of its misses though midnight splits it into two days of a few.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { seededRandom } from "../testing/seeded-random.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { CONTRACT_PREFIX, CONTRACT_PRICE, contractDay } from "../testing/contract-day.ts";
import { promptScan } from "../testing/prompt-scan.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { cacheMissPoints } from "./cache-misses.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 35;
/** a day of scattered misses: every other call */
const SCATTERED = DAY - 7;

/** the cache breaks at noon the day before DAY and is fixed at 10:30 on DAY */
function dayOfCalls(day: number): LLMCall[] {
  const random = seededRandom(day * 31 + 7);
  const broken = (at: number) => at >= dayStart(DAY - 1) + 12 * HOUR_MS && at < dayStart(DAY) + 10.5 * HOUR_MS;
  const cachedOf = (i: number, at: number) => (broken(at) || (day === SCATTERED && i % 2 === 1) ? 0 : random.next() < 0.85 ? CONTRACT_PREFIX : 0);
  return contractDay(day, cachedOf, { inputTokens: 400, outputTokens: 100, costUSD: 0.0008 });
}

const store = daysStoredPerTest(FIRST, DAY, dayOfCalls);

describe("cacheMissPoints, runs of misses", () => {
  it("leaves a day of scattered misses, as many as a break's afternoon", async () => {
    const { scan, prompts } = await promptScan(store(), FIRST, SCATTERED, SCATTERED);
    expect(await cacheMissPoints(store(), prompts, "prompt", scan)).toEqual([]);
  }, 60_000);

  it("counts a break that went on past midnight as one run: the morning's four misses with the afternoon's nine before", async () => {
    const { scan, prompts } = await promptScan(store(), FIRST, DAY, DAY);
    const found = await cacheMissPoints(store(), prompts, "prompt", scan);
    expect(found.map((p) => `${p.key} ${p.day}`)).toEqual([`contract-qa.answer ${DAY}`]);
    // each miss pays the prefix in full where a read costs a tenth: the run holds the break's thirteen (and a chance
    // miss next to it, if one fell there), far more than DAY's four
    const miss = CONTRACT_PREFIX * CONTRACT_PRICE * 0.9;
    expect(found[0]!.impact.amount).toBeGreaterThanOrEqual(13 * miss - 1e-9);
  }, 60_000);
});
