// Which model a key's calls moved onto, read against the same hours of the
// days before: a provider's afternoon calls are mostly one office's code
// reviews on gpt-4.1, its morning ones another's drafts on gpt-4o-mini.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { movedOntoModel } from "./moved-onto-model.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 14;
const CHANGE_FROM = 14;

/**
 * drafts on gpt-4o-mini all day, code reviews on gpt-4.1 from 13:00; on DAY from 14:00 `change` bends the review
 * calls; with `loopDay`, a client loops on drafts that day from 14:00, 400 calls an hour
 */
function dayOfCalls(day: number, change: "slow" | "opus", loopDay?: number): LLMCall[] {
  const random = seededRandom(day);
  const calls: LLMCall[] = [];
  for (let hour = 8; hour < 18; hour++) {
    const changed = day === DAY && hour >= CHANGE_FROM;
    const slow = changed && change === "slow" ? 4 : 1;
    const shapes: [model: string, feature: string, perHour: number, ms: number, usd: number][] = [["gpt-4o-mini", "email-draft", hour < 13 ? 40 : day === loopDay && hour >= CHANGE_FROM ? 400 : 5, 2000, 0.001]];
    if (hour >= 13) shapes.push(changed && change === "opus" ? ["claude-opus-4-1", "code-review", 10, 9000, 0.3] : ["gpt-4.1", "code-review", 10, 9000, 0.02]);
    for (const [model, feature, perHour, ms, usd] of shapes) {
      for (let i = 0; i < perHour; i++) {
        const at = dayStart(day) + hour * HOUR_MS + Math.floor((i * HOUR_MS) / perHour);
        const provider = model.startsWith("claude") ? "anthropic" : "openai";
        calls.push(makeCall({ startedAt: at, model, provider, durationMs: Math.round(ms * random.logNormal(0.2) * slow), costUSD: usd, tags: { feature } }));
      }
    }
  }
  return calls;
}

const flagged = (dimension: Anomaly["dimension"], key: string, metric: Anomaly["metric"]): Anomaly => ({
  dimension, key, metric, day: DAY, dayLabel: dayLabel(DAY), value: 2, expected: 1, score: 9, change: 1, usualCalls: 100, message: "",
  impact: { floor: "affected", amount: 40, share: 0.1, dayShare: 0.1 },
});

let temp: TempStore;
beforeEach(() => void (temp = openTempStore()));
afterEach(() => temp.close());

async function ingest(change: "slow" | "opus", loopDay?: number): Promise<void> {
  for (let d = FIRST; d <= DAY; d++) await temp.store.ingest(dayOfCalls(d, change, loopDay), dayStart(d));
}

describe("movedOntoModel", () => {
  it("finds no move when a provider slowed from the hours its calls are mostly on another model every day", async () => {
    await ingest("slow");
    // over whole days gpt-4.1 carries a sixth of openai's calls, from 14:00 two thirds: only the clock moved
    expect(await movedOntoModel(temp.store, "provider", flagged("provider", "openai", "latencyP95"))).toBeUndefined();
  }, 60_000);

  it("finds no move when one day of the week before a loop on another model filled those hours", async () => {
    await ingest("slow", DAY - 3);
    // counted together, the loop's 1,600 drafts leave gpt-4.1 a seventh of openai's calls from 14:00 in the week before
    expect(await movedOntoModel(temp.store, "provider", flagged("provider", "openai", "latencyP95"))).toBeUndefined();
  }, 60_000);

  it("finds no move in a few calls of a small feature on the model one person prefers", async () => {
    // fifteen contract answers a day on opus; on DAY five of them (a third) come from a sonnet user after noon
    for (let d = FIRST; d <= DAY; d++) {
      const calls = Array.from({ length: 15 }, (_, i) => {
        const at = dayStart(d) + 8 * HOUR_MS + i * 40 * 60_000;
        const model = d === DAY && at >= dayStart(d) + 12 * HOUR_MS && i % 2 === 0 ? "claude-sonnet-4-5" : "claude-opus-4-1";
        return makeCall({ startedAt: at, model, provider: "anthropic", costUSD: 0.1, tags: { feature: "contract-qa" } });
      });
      await temp.store.ingest(calls, dayStart(d));
    }
    expect(await movedOntoModel(temp.store, "feature", flagged("feature", "contract-qa", "costPerRequest"))).toBeUndefined();
  }, 60_000);

  it("finds no move when a prompt grew on every model and its afternoon calls came on another mix of models", async () => {
    // sixty calls a day 13:00–18:00, a sixth on gpt-4o (the people who prefer it); on DAY every call costs twice as
    // much from 15:00, and half of those calls are on gpt-4o: other people at work, the same models' prices
    for (let d = FIRST; d <= DAY; d++) {
      const calls = Array.from({ length: 60 }, (_, i) => {
        const at = dayStart(d) + 13 * HOUR_MS + i * 5 * 60_000;
        const grown = d === DAY && at >= dayStart(d) + 15 * HOUR_MS;
        const model = (grown ? i % 2 : i % 6) === 0 ? "gpt-4o" : "claude-sonnet-4-5";
        return makeCall({ startedAt: at, model, provider: model === "gpt-4o" ? "openai" : "anthropic", costUSD: grown ? 0.04 : 0.02, tags: { promptId: "code-chat.answer" } });
      });
      await temp.store.ingest(calls, dayStart(d));
    }
    const drifted = { ...flagged("prompt", "code-chat.answer", "costPerRequest"), value: 0.032, expected: 0.02 };
    expect(await movedOntoModel(temp.store, "promptId", drifted)).toBeUndefined();
  }, 60_000);

  it("finds the model a feature's calls moved onto from the hour they moved", async () => {
    await ingest("opus");
    expect(await movedOntoModel(temp.store, "feature", flagged("feature", "code-review", "costPerRequest"))).toBe("claude-opus-4-1");
    // read against the feature's usual dollars per request, the calls on opus carry its excess
    expect(await movedOntoModel(temp.store, "feature", { ...flagged("feature", "code-review", "costPerRequest"), value: 0.15, expected: 0.02 })).toBe("claude-opus-4-1");
  }, 60_000);
});
