// A prompt where people now and then paste a whole log (one call in forty, at
// fifteen to thirty-five times the usual size) tripling its input from noon:
// the day mean's wide spread hides it, the trimmed days do not.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { promptScan } from "../testing/prompt-scan.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { scanSeries } from "./scan-series.ts";
import { trimmedSizePoints } from "./trimmed-size.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const CHANGED_FROM = 12;

function dayOfCalls(day: number): LLMCall[] {
  const random = seededRandom(day * 31 + 7);
  return Array.from({ length: 80 }, (_, i) => {
    const at = dayStart(day) + 8 * HOUR_MS + i * 7.5 * 60_000;
    const huge = random.next() < 1 / 40 ? 15 + random.next() * 20 : 1;
    const edited = day === DAY && at >= dayStart(day) + CHANGED_FROM * HOUR_MS ? 3 : 1;
    const inputTokens = Math.round(2000 * random.logNormal(0.45) * huge * edited);
    return makeCall({ startedAt: at, inputTokens, outputTokens: 300, tags: { promptId: "code-chat.answer", feature: "code-chat", userId: `u${i % 9}` } });
  });
}

const store = daysStoredPerTest(FIRST, DAY, dayOfCalls);

const scanOf = (fromDay: number, toDay: number) => promptScan(store(), FIRST, fromDay, toDay);

describe("trimmedSizePoints", () => {
  it("flags a prompt whose input tripled from noon, which its day mean's spread hides", async () => {
    const { scan, prompts } = await scanOf(DAY, DAY);
    // the day mean alone stays short of the threshold (this fixture's premise)
    expect(scanSeries(prompts, "prompt", { ...scan, metrics: ["tokensPerRequest"] })).toEqual([]);
    const found = await trimmedSizePoints(store(), prompts, "prompt", scan);
    expect(found.map((p) => `${p.key} ${p.metric}`)).toContain("code-chat.answer tokensPerRequest");
    expect(found.every((p) => p.score >= 6 && p.day === DAY)).toBe(true);
  }, 60_000);

  it("flags nothing on the ordinary days before it", async () => {
    const { scan, prompts } = await scanOf(DAY - 7, DAY - 1);
    expect(await trimmedSizePoints(store(), prompts, "prompt", scan)).toEqual([]);
  }, 60_000);
});
