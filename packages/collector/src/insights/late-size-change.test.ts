// A prompt where people now and then paste a whole log (one call in forty, at
// fifteen to thirty-five times the usual size) whose input tripled from 19:00:
// a late evening moves the day mean by too little, the evening's median does not.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { promptScan } from "../testing/prompt-scan.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { lateSizePoints } from "./late-size-change.ts";
import { scanSeries } from "./scan-series.ts";
import { trimmedSizePoints } from "./trimmed-size.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const CHANGED_FROM = 19;

/** 80 calls from 08:00 to 22:00; `edited(day)` is the first day the input tripled from 19:00, and stays so */
function dayOfCalls(day: number, edited: number): LLMCall[] {
  const random = seededRandom(day * 31 + 7);
  return Array.from({ length: 80 }, (_, i) => {
    const at = dayStart(day) + 8 * HOUR_MS + i * 10.5 * 60_000;
    const huge = random.next() < 1 / 40 ? 15 + random.next() * 20 : 1;
    const tripled = day > edited || (day === edited && at >= dayStart(day) + CHANGED_FROM * HOUR_MS) ? 3 : 1;
    const inputTokens = Math.round(2000 * random.logNormal(0.45) * huge * tripled);
    return makeCall({ startedAt: at, inputTokens, outputTokens: 300, tags: { promptId: "code-chat.answer", feature: "code-chat", userId: `u${i % 9}` } });
  });
}

let temp: TempStore;
afterEach(() => temp.close());

async function ingest(edited: number): Promise<void> {
  temp = openTempStore();
  for (let d = FIRST; d <= DAY; d++) await temp.store.ingest(dayOfCalls(d, edited), dayStart(d));
}

const scanOf = (fromDay: number, toDay: number) => promptScan(temp.store, FIRST, fromDay, toDay);

describe("lateSizePoints", () => {
  beforeEach(() => ingest(DAY), 60_000);

  it("flags a prompt whose input tripled from 19:00, which neither the day mean nor its trimmed reading shows", async () => {
    const { scan, prompts } = await scanOf(DAY, DAY);
    // this fixture's premise: the day, whole or trimmed of its largest calls, stays short of the threshold
    expect(scanSeries(prompts, "prompt", { ...scan, metrics: ["tokensPerRequest"] })).toEqual([]);
    expect(await trimmedSizePoints(temp.store, prompts, "prompt", scan)).toEqual([]);
    const found = await lateSizePoints(temp.store, prompts, "prompt", scan);
    expect(found.map((p) => `${p.key} ${p.metric} ${p.day}`)).toEqual([`code-chat.answer tokensPerRequest ${DAY}`]);
    expect(found[0]!.score).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it("flags nothing on the ordinary days before it", async () => {
    const { scan, prompts } = await scanOf(DAY - 14, DAY - 1);
    expect(await lateSizePoints(temp.store, prompts, "prompt", scan)).toEqual([]);
  }, 60_000);
});

describe("lateSizePoints, a change that held since the evenings before", () => {
  beforeEach(() => ingest(DAY - 2), 60_000);

  it("is its new level, not news again", async () => {
    const { scan, prompts } = await scanOf(DAY, DAY);
    expect(await lateSizePoints(temp.store, prompts, "prompt", scan)).toEqual([]);
  }, 60_000);
});
