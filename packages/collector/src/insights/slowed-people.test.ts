// A provider slowed through an afternoon when few of its calls are made: its
// requests are under the floor of the app's day, the people who waited are a
// good part of the people at work. Sixty people make 600 quick calls a day on
// one provider; sixteen of them make two calls each in the afternoon on the
// other, which on DAY take four times as long.
import { afterEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { promptScan } from "../testing/prompt-scan.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import { materialSlowdown } from "./slowed-people.ts";
import { slowedBeyondChance } from "./slow-calls.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 7;
const PEOPLE = 60;
const SLOW_CALLS = 32;

/** on DAY the afternoon's first `slowed` calls of 32 (those `picked`) are slowed, made by `slowedBy` people (sixteen make them on other days) */
function dayOfCalls(day: number, slowedBy: number, slowed: number, picked: (i: number) => boolean): LLMCall[] {
  const calls: LLMCall[] = [];
  for (let i = 0; i < PEOPLE * 10; i++) calls.push(makeCall({ startedAt: dayStart(day) + 8 * HOUR_MS + i * 50_000, provider: "openai", model: "gpt-4o", durationMs: 1_000, tags: { userId: `u${i % PEOPLE}` } }));
  const by = day === DAY ? slowedBy : 16;
  for (let i = 0; i < SLOW_CALLS; i++) {
    calls.push(makeCall({ startedAt: dayStart(day) + 15 * HOUR_MS + i * 200_000, provider: "anthropic", model: "claude-sonnet-4-5", durationMs: day === DAY && i < slowed && picked(i) ? 8_000 : 2_000, tags: { userId: `u${i % by}` } }));
  }
  return calls;
}

let temp: TempStore | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

async function slowdown(slowedBy: number, slowed = SLOW_CALLS, picked: (i: number) => boolean = () => true) {
  await temp?.close();
  const t = (temp = openTempStore());
  for (let d = FIRST; d <= DAY; d++) await t.store.ingest(dayOfCalls(d, slowedBy, slowed, picked), dayStart(d));
  const { scan } = await promptScan(t.store, FIRST, DAY, DAY);
  const appCalls = PEOPLE * 10 + SLOW_CALLS;
  const point: ScoredPoint = {
    key: "anthropic", metric: "latencyP95", day: DAY, value: 8_000, expected: 2_500, sigma: 100, score: 55, usualCalls: SLOW_CALLS,
    impact: { floor: "affected", amount: SLOW_CALLS, share: SLOW_CALLS / appCalls, dayShare: SLOW_CALLS / appCalls },
  };
  return materialSlowdown(t.store, "provider", point, scan);
}

describe(`materialSlowdown on ${dayLabel(DAY)}`, () => {
  it("keeps a slowdown sixteen people waited on, though its requests are under the floor of the app's day", async () => {
    const impact = await slowdown(16);
    // reported as the requests slowed beyond the 5% chance gives, under 5% of the app's usual 632
    expect(impact?.amount).toBeCloseTo(SLOW_CALLS - 0.05 * SLOW_CALLS);
    expect(impact!.share).toBeLessThan(0.05);
  }, 60_000);

  it("counts no one slowed when every other call of each hour was slow: a mix of longer calls, not a slowdown", async () => {
    await slowdown(16, SLOW_CALLS, (i) => i % 2 === 0);
    const slowed = await slowedBeyondChance(temp!.store, "provider", { key: "anthropic", metric: "latencyP95", day: DAY, expected: 2_500 });
    expect(slowed?.calls).toBeGreaterThan(0);
    expect(slowed?.people).toBe(0);
    // and sixteen when all of them were
    await slowdown(16);
    expect((await slowedBeyondChance(temp!.store, "provider", { key: "anthropic", metric: "latencyP95", day: DAY, expected: 2_500 }))?.people).toBe(16);
  }, 60_000);

  it("drops twelve requests slowed for twelve people: the people pass their floor, the requests not half of theirs", async () => {
    expect(await slowdown(16, 12)).toBeNull();
  }, 60_000);
});
