// A provider flagged for a slowdown on a day when many of its calls also went
// to a model new to it: when the calls of the models it always served slowed
// as well, the provider slowed, and the move onto the new (slower) model is
// not the cause; when only the new model's calls are slow, the move is.
import { afterEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { explainDay } from "./explain-day.ts";
import { slowedAcrossModels } from "./slowed-across-models.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const SLOW_FROM = 12;
/** model, provider, calls an hour, usual duration; claude-opus-4-1 is used from DAY on only */
const MODELS = [["claude-haiku-4-5", "anthropic", 5, 800], ["claude-sonnet-4-5", "anthropic", 10, 1200], ["gpt-4.1", "openai", 15, 9000], ["claude-opus-4-1", "anthropic", 20, 3000]] as const;

function dayOfCalls(day: number, slowedOld: boolean): LLMCall[] {
  const random = seededRandom(day + 3000);
  const calls: LLMCall[] = [];
  for (let hour = 8; hour < 18; hour++) {
    for (const [model, provider, perHour, ms] of MODELS) {
      if (model === "claude-opus-4-1" && day < DAY) continue;
      for (let i = 0; i < perHour; i++) {
        const slowed = day === DAY && hour >= SLOW_FROM && provider === "anthropic" && (slowedOld || model === "claude-opus-4-1");
        const at = dayStart(day) + hour * HOUR_MS + Math.floor((i * HOUR_MS) / perHour);
        calls.push(makeCall({ startedAt: at, model, provider, durationMs: Math.round(ms * random.logNormal(0.3) * (slowed ? 4 : 1)), tags: { userId: `u${i}`, feature: "chat" } }));
      }
    }
  }
  return calls;
}

let temp: TempStore;
afterEach(() => temp.close());

async function anthropicFlagged(slowedOld: boolean): Promise<Anomaly> {
  temp = openTempStore();
  for (let d = FIRST; d <= DAY; d++) await temp.store.ingest(dayOfCalls(d, slowedOld), dayStart(d));
  return {
    dimension: "provider", key: "anthropic", metric: "latencyP95", day: DAY, dayLabel: dayLabel(DAY), value: 9_000, expected: 1_500, score: 9, change: 5, usualCalls: 150, message: "",
    impact: { floor: "affected", amount: 120, share: 0.3, dayShare: 0.3 },
  };
}

describe("a provider flagged for a slowdown on a day its calls moved onto a new model", () => {
  it("is named itself when the models it always served slowed too", async () => {
    const anthropic = await anthropicFlagged(true);
    expect((await slowedAcrossModels(temp.store, anthropic, 28))?.key).toBe("anthropic");
    expect((await explainDay(temp.store, [anthropic]))?.causes[0]).toMatchObject({ dimension: "provider", key: "anthropic" });
  }, 60_000);

  it("is the move onto the new model when only that model's calls are slow", async () => {
    const anthropic = await anthropicFlagged(false);
    expect(await slowedAcrossModels(temp.store, anthropic, 28)).toBeUndefined();
    expect((await explainDay(temp.store, [anthropic]))?.causes[0]).toMatchObject({ dimension: "model", key: "claude-opus-4-1" });
  }, 60_000);
});
