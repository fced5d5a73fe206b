// Quality as an anomaly series: scores saved through the store's quality
// rollups, a drop in one prompt's answers found and explained from them.
import { afterEach, describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayOf, dayStart } from "../store/time-buckets.ts";
import { detectAnomalies } from "./detect-anomalies.ts";
import { explainDay } from "./explain-day.ts";

const LAST = dayOf(Date.UTC(2026, 4, 20));
let temp: TempStore | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

// deterministic scores that wander ±6 points around a centre, as real ones do
const around = (centre: number, i: number) => centre + ((i * 7) % 13) - 6;

async function storeDays(summaryToday: number): Promise<TempStore> {
  const t = openTempStore();
  let i = 0;
  for (let day = LAST - 35; day <= LAST; day++) {
    const calls = [];
    const scores: number[] = [];
    for (const [promptId, model] of [["summary", "gpt-4o-mini"], ["answer", "gpt-4o-mini"], ["classify", "claude-haiku-4-5"]] as const) {
      for (let n = 0; n < 30; n++) {
        calls.push(makeCall({ startedAt: dayStart(day) + 9 * 3_600_000 + n * 60_000, model, provider: model.startsWith("gpt") ? "openai" : "anthropic", tags: { promptId, feature: "chat", department: "support", userId: `u${n % 7}` } }));
        scores.push(around(day === LAST && promptId === "summary" ? summaryToday : 85, i++));
      }
    }
    await t.store.ingest(calls, dayStart(day));
    await t.store.saveQuality(calls.map((c, k) => ({ callId: c.id, quality: { relevance: scores[k]!, average: scores[k]! } })), i);
  }
  return t;
}

describe("quality anomalies", () => {
  it("finds the prompt whose answers got worse and names it as the cause", async () => {
    temp = await storeDays(60);
    const anomalies = await detectAnomalies(temp.store, { fromDay: LAST, toDay: LAST, now: dayStart(LAST + 1) });
    const quality = anomalies.filter((a) => a.metric === "quality");
    expect(quality.find((a) => a.dimension === "prompt" && a.key === "summary")).toMatchObject({ expected: expect.closeTo(85, 0), value: expect.closeTo(60, 0) });
    expect(quality.every((a) => a.score < 0)).toBe(true);
    expect(quality.some((a) => a.key === "answer" || a.key === "classify")).toBe(false);
    const rca = await explainDay(temp.store, anomalies);
    expect(rca?.metric).toBe("quality");
    expect(rca?.causes[0]).toMatchObject({ dimension: "promptId", key: "summary" });
    expect(rca?.sentence).toMatch(/^quality score -\d+%.*promptId=summary/);
    // the first call already at the new, worse level (below halfway), not merely the day's first call
    const first = await temp.store.getCall(rca!.firstCall!.id);
    expect(first?.tags.promptId).toBe("summary");
    expect(first?.quality?.average).toBeLessThan((85 + 60) / 2);
  });

  it("stays quiet when scores only wander", async () => {
    temp = await storeDays(85);
    const anomalies = await detectAnomalies(temp.store, { fromDay: LAST - 5, toDay: LAST, now: dayStart(LAST + 1) });
    expect(anomalies.filter((a) => a.metric === "quality")).toEqual([]);
  });
});
