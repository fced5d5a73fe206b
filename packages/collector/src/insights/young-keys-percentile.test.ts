// A provider starts serving gpt-4o from a new snapshot late one evening, its
// first token 1.2 times as slow that quiet evening and 1.6 times the next day,
// when it serves every gpt-4o call (a p95 of its ten first calls is no level).
// The model's p95 time to first token then is the snapshot's, a key that
// appeared the day before and behaves as it did then: that change is the
// snapshot's news, not the model's again. The p95 is read as the detector
// reads one, by the calls slower than the usual p95 beyond chance.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { detectAnomalies } from "./detect-anomalies.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const CHANGE = FIRST + 28;
const NEXT = CHANGE + 1;
const PER_DAY = 240;

/** a day of gpt-4o calls; from `newFrom` (epoch ms) the new snapshot serves them, slower to the first token */
function dayOfCalls(day: number, newFrom: number, others = 0): LLMCall[] {
  const random = seededRandom(day * 31 + 7);
  const gpt4o = Array.from({ length: PER_DAY }, (_, i) => {
    const startedAt = dayStart(day) + i * ((24 * HOUR_MS) / PER_DAY);
    const served = startedAt >= newFrom;
    const call = makeCall({ startedAt, model: "gpt-4o", ttftMs: Math.round(400 * random.logNormal(0.35) * (served ? (day === CHANGE ? 1.2 : 1.6) : 1)), tags: { userId: `u${i % 12}`, feature: "chat" } });
    call.responseModel = served ? "gpt-4o-2026-03-03" : "gpt-4o-2024-08-06";
    return call;
  });
  // calls to another model at the same provider, slowed too when `others` is set
  const mini = Array.from({ length: PER_DAY }, (_, i) =>
    makeCall({ startedAt: dayStart(day) + i * ((24 * HOUR_MS) / PER_DAY), model: "gpt-4o-mini", ttftMs: Math.round(400 * random.logNormal(0.35) * (others || 1)), tags: { userId: `u${i % 12}`, feature: "tag" } }),
  );
  return [...gpt4o, ...mini];
}

let temp: TempStore;
beforeEach(async () => {
  temp = openTempStore();
  for (let d = FIRST; d <= CHANGE; d++) await temp.store.ingest(dayOfCalls(d, dayStart(CHANGE) + 23 * HOUR_MS), dayStart(d));
}, 60_000);
afterEach(() => temp.close());

const flagged = async () => (await detectAnomalies(temp.store, { fromDay: NEXT, toDay: NEXT, now: dayStart(NEXT + 1), hourly: false })).map((a) => `${a.dimension}=${a.key} ${a.metric}`);

describe("a percentile a key that appeared the day before carries", () => {
  it("is that key's news going on: the model and the provider are not flagged for it", async () => {
    await temp.store.ingest(dayOfCalls(NEXT, dayStart(NEXT)), dayStart(NEXT));
    const found = await flagged();
    expect(found.filter((a) => a.endsWith("ttftP95"))).toEqual([]);
  }, 60_000);

  it("stands where the provider's other calls slowed too", async () => {
    await temp.store.ingest(dayOfCalls(NEXT, dayStart(NEXT), 1.6), dayStart(NEXT));
    expect(await flagged()).toContain("provider=openai ttftP95");
  }, 60_000);
});
