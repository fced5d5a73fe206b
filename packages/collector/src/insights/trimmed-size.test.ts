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

// The same prompt a day after a lawyer pasted five whole contracts (its day mean more than doubled by them), and
// today every call grown by 80% (a context gathering more): against the day the contracts carried, which the mean
// takes for the prompt's new level, today is no news; trimmed of each day's largest calls it is.
const PASTED = DAY - 1;
function grownAfterPastes(day: number): LLMCall[] {
  const random = seededRandom(day * 17 + 3);
  return Array.from({ length: 80 }, (_, i) => {
    const at = dayStart(day) + 8 * HOUR_MS + i * 7.5 * 60_000;
    const huge = (day === PASTED && i % 16 === 5) || random.next() < 1 / 100 ? 30 : 1;
    const inputTokens = Math.round(2000 * random.logNormal(0.45) * huge * (day === DAY ? 1.8 : 1));
    return makeCall({ startedAt: at, inputTokens, outputTokens: 300, tags: { promptId: "code-chat.answer", feature: "code-chat", userId: `u${i % 9}` } });
  });
}

describe("trimmedSizePoints, a day pasted logs carried", () => {
  const pasted = daysStoredPerTest(FIRST, DAY, grownAfterPastes);

  it("is no level the next day is judged against: a grown prompt the day after stands", async () => {
    const { scan, prompts } = await promptScan(pasted(), FIRST, DAY, DAY);
    // this fixture's premise: the day mean, judged against the pasted day's level, is no news
    expect(scanSeries(prompts, "prompt", { ...scan, metrics: ["tokensPerRequest"] })).toEqual([]);
    const found = await trimmedSizePoints(pasted(), prompts, "prompt", scan);
    expect(found.map((p) => `${p.key} ${p.metric} ${p.day}`)).toContain(`code-chat.answer tokensPerRequest ${DAY}`);
  }, 60_000);

  it("is not news itself when a tenth of its calls are whole contracts", async () => {
    const { scan, prompts } = await promptScan(pasted(), FIRST, PASTED, PASTED);
    expect(await trimmedSizePoints(pasted(), prompts, "prompt", scan)).toEqual([]);
  }, 60_000);
});
