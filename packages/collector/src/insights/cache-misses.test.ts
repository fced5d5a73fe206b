// A contract prompt of fifteen calls a day whose 6,000-token prefix is read
// from the cache on 85% of them, beside a busy cheap prompt that makes most of
// the app's calls: its cache breaks from noon. Too few calls for the day
// rollups to judge a rate; read call by call, the hits fall far short.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { promptScan } from "../testing/prompt-scan.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { cacheMissPoints } from "./cache-misses.ts";
import { DEFAULT_MATERIALITY } from "./materiality.ts";
import { scanSeries } from "./scan-series.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const PREFIX = 6000;
/** dollars per input token, and a cached one's tenth */
const PRICE = 15e-6;

function contractCall(day: number, i: number, random: ReturnType<typeof seededRandom>): LLMCall {
  const at = dayStart(day) + 8 * HOUR_MS + i * 40 * 60_000;
  const broken = day === DAY && at >= dayStart(day) + 12 * HOUR_MS;
  const cached = !broken && random.next() < 0.85 ? PREFIX : 0;
  const inputTokens = 10_000;
  const call = makeCall({ startedAt: at, inputTokens, outputTokens: 500, costUSD: (inputTokens - cached) * PRICE + cached * PRICE * 0.1 + 500 * 4 * PRICE, tags: { promptId: "contract-qa.answer", userId: `u${i % 5}` } });
  call.usage.cachedInputTokens = cached;
  return call;
}

function dayOfCalls(day: number): LLMCall[] {
  const random = seededRandom(day * 17 + 3);
  const contract = Array.from({ length: 15 }, (_, i) => contractCall(day, i, random));
  const busy = Array.from({ length: 300 }, (_, i) => makeCall({ startedAt: dayStart(day) + 8 * HOUR_MS + i * 120_000, inputTokens: 400, outputTokens: 100, costUSD: 0.0008, tags: { promptId: "triage.route", userId: `v${i % 20}` } }));
  return [...contract, ...busy];
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
    expect(await cacheMissPoints(store(), prompts, "prompt", { ...scan, materiality: { ...DEFAULT_MATERIALITY, cost: 0.9 } })).toEqual([]);
  }, 60_000);
});
