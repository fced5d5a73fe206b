// A broken cache is a run of misses, not a count of them: a day of scattered
// misses as many as a break's is a working cache's bad luck, and a break that
// began one afternoon and went on the next morning is one run, whose dollars
// are all of its misses though midnight splits it into two days of a few.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { promptScan } from "../testing/prompt-scan.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { cacheMissPoints } from "./cache-misses.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 35;
/** a day of scattered misses: every other call */
const SCATTERED = DAY - 7;
const PREFIX = 6000;
const PRICE = 15e-6;

/** fifteen calls from 08:00, forty minutes apart: the cache breaks at noon the day before DAY and is fixed at 10:30 on DAY */
function contractCall(day: number, i: number, random: ReturnType<typeof seededRandom>): LLMCall {
  const at = dayStart(day) + 8 * HOUR_MS + i * 40 * 60_000;
  const broken = at >= dayStart(DAY - 1) + 12 * HOUR_MS && at < dayStart(DAY) + 10.5 * HOUR_MS;
  const cached = broken || (day === SCATTERED && i % 2 === 1) ? 0 : random.next() < 0.85 ? PREFIX : 0;
  const inputTokens = 10_000;
  const call = makeCall({ startedAt: at, inputTokens, outputTokens: 500, costUSD: (inputTokens - cached) * PRICE + cached * PRICE * 0.1 + 500 * 4 * PRICE, tags: { promptId: "contract-qa.answer", userId: `u${i % 5}` } });
  call.usage.cachedInputTokens = cached;
  return call;
}

function dayOfCalls(day: number): LLMCall[] {
  const random = seededRandom(day * 31 + 7);
  const contract = Array.from({ length: 15 }, (_, i) => contractCall(day, i, random));
  const busy = Array.from({ length: 300 }, (_, i) => makeCall({ startedAt: dayStart(day) + 8 * HOUR_MS + i * 120_000, inputTokens: 400, outputTokens: 100, costUSD: 0.0008, tags: { promptId: "triage.route", userId: `v${i % 20}` } }));
  return [...contract, ...busy];
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
    const miss = PREFIX * PRICE * 0.9;
    expect(found[0]!.impact.amount).toBeGreaterThanOrEqual(13 * miss - 1e-9);
  }, 60_000);
});
