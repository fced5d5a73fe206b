// A provider starts serving a new snapshot under the model's alias at noon:
// its answers are three times as long. The day it appears is news (a new
// served snapshot); the next day, when it serves every call, the alias' output
// per request is that same change, not a new one; a flood of requests it
// serves is.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { detectAnomalies } from "./detect-anomalies.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const CHANGE = FIRST + 28;
const NEXT = CHANGE + 1;
const PER_DAY = 240;

/** a day of calls to gpt-4o; from `newFrom` (epoch ms) the new snapshot serves them, at three times the output */
function dayOfCalls(day: number, newFrom: number, calls = PER_DAY): LLMCall[] {
  return Array.from({ length: calls }, (_, i) => {
    const startedAt = dayStart(day) + i * (24 * HOUR_MS / calls);
    const served = startedAt >= newFrom;
    const call = makeCall({ startedAt, model: "gpt-4o", outputTokens: (served ? 900 : 300) + (i % 7) * 20, tags: { userId: `u${i % 12}`, department: "support", feature: "chat" } });
    call.responseModel = served ? "gpt-4o-2026-03-03" : "gpt-4o-2024-08-06";
    return call;
  });
}

let temp: TempStore;
beforeEach(async () => {
  temp = openTempStore();
  for (let d = FIRST; d <= CHANGE; d++) await temp.store.ingest(dayOfCalls(d, dayStart(CHANGE) + 12 * HOUR_MS), dayStart(d));
}, 60_000);
afterEach(() => temp.close());

const seen = (found: { dimension: string; key: string; metric: string; day: number }[]) => found.map((a) => `${a.day - CHANGE} ${a.dimension}=${a.key} ${a.metric}`);

describe("a key that appeared this week", () => {
  it("is news the day it appears, and its calls are not news again the day after in the series they feed", async () => {
    await temp.store.ingest(dayOfCalls(NEXT, dayStart(NEXT)), dayStart(NEXT));
    const found = seen(await detectAnomalies(temp.store, { fromDay: CHANGE, toDay: NEXT, now: dayStart(NEXT + 1), hourly: false }));
    expect(found).toContain("0 responseModel=gpt-4o-2026-03-03 tokens");
    expect(found.filter((a) => a.startsWith("1 "))).toEqual([]);
  });

  it("leaves a flood of requests the new snapshot serves standing", async () => {
    await temp.store.ingest(dayOfCalls(NEXT, dayStart(NEXT), 4 * PER_DAY), dayStart(NEXT));
    const found = seen(await detectAnomalies(temp.store, { fromDay: NEXT, toDay: NEXT, now: dayStart(NEXT + 1), hourly: false }));
    expect(found, found.join("; ")).toContain("1 model=gpt-4o calls");
  });
});
