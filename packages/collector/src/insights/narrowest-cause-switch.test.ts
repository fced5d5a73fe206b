// A sales team's drafting prompt switches onto a dearer model at noon; one
// person makes most of its calls, as every day. Her dollars rose by most of
// the prompt's, but she made no more requests than usual: the switch made
// them, and the model is named. The same dollars from a day of her own many
// more requests stay hers.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { narrowestCause } from "./narrowest-cause.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const OPUS = "claude-opus-4-1";

/** sixty drafts a day 08:00–18:00 on gpt-4o-mini, fifty of them s25's; on DAY from 12:00 they are on opus */
function dayOfCalls(day: number): LLMCall[] {
  return Array.from({ length: 60 }, (_, i) => {
    const at = dayStart(day) + 8 * HOUR_MS + i * 10 * 60_000;
    const switched = day === DAY && at >= dayStart(day) + 12 * HOUR_MS;
    const model = switched ? OPUS : "gpt-4o-mini";
    return makeCall({ startedAt: at, model, provider: switched ? "anthropic" : "openai", costUSD: switched ? 0.03 : 0.0005, tags: { promptId: "email-draft.answer", userId: i % 6 ? "s25" : `s${i % 9}` } });
  });
}

const store = daysStoredPerTest(FIRST, DAY, dayOfCalls);

const flagged = (dimension: Anomaly["dimension"], key: string, metric: Anomaly["metric"], value: number, expected: number, usualCalls: number): Anomaly => ({
  dimension, key, metric, day: DAY, dayLabel: dayLabel(DAY), value, expected, score: 9, change: value / expected - 1, usualCalls, message: "",
  impact: { floor: metric === "calls" ? "calls" : "cost", amount: value - expected, share: 0.5, dayShare: 0.5 },
});

describe("narrowestCause, a workload's switch its busiest user's dollars go with", () => {
  // 36 of the 60 drafts came after noon, at $0.03 each: about $1.08 against a usual $0.03
  const prompt = flagged("prompt", "email-draft.answer", "cost", 1.11, 0.03, 60);

  it("names the model the prompt's calls moved onto, not the person who makes most of them", async () => {
    const named = await narrowestCause(store(), [prompt], prompt);
    expect(`${named?.label}=${named?.anomaly.key}`).toBe(`model=${OPUS}`);
  });

  it("names her where her own requests were flagged as well", async () => {
    const named = await narrowestCause(store(), [prompt, flagged("user", "s25", "calls", 400, 40, 40)], prompt);
    expect(`${named?.label}=${named?.anomaly.key}`).toBe("user=s25");
  });
});
