// A chat prompt's answers doubled in price for everyone; one of its users also
// spent the day on code reviews ten times dearer than usual. Her dollars per
// request rose more than the prompt's, but of the prompt's change her own chat
// calls added only her share: the prompt is named, not her.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { partMadeInside } from "./made-inside.ts";
import { narrowestCause } from "./narrowest-cause.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;

/** forty chat answers a day by four people ($0.02, $0.04 on DAY), and u0's ten code reviews ($0.05, $0.50 on DAY) */
function dayOfCalls(day: number): LLMCall[] {
  const calls: LLMCall[] = [];
  for (let i = 0; i < 40; i++) {
    const at = dayStart(day) + 9 * HOUR_MS + i * 10 * 60_000;
    calls.push(makeCall({ startedAt: at, costUSD: day === DAY ? 0.04 : 0.02, tags: { promptId: "chat.answer", userId: `u${i % 4}` } }));
    if (i % 4 === 0) calls.push(makeCall({ startedAt: at + 60_000, costUSD: day === DAY ? 0.5 : 0.05, tags: { promptId: "review.answer", userId: "u0" } }));
  }
  return calls;
}

const point = (dimension: Anomaly["dimension"], key: string, value: number, expected: number, calls: number, usualCalls: number): Anomaly => ({
  dimension, key, metric: "costPerRequest", day: DAY, dayLabel: dayLabel(DAY), value, expected, score: 9, change: value / expected - 1, usualCalls, message: "",
  impact: { floor: "cost", amount: (value - expected) * calls, share: 0.3, dayShare: 0.3 },
});

const store = daysStoredPerTest(FIRST, DAY, dayOfCalls);

describe("a person inside a workload's size change", () => {
  // the prompt: 40 calls, $0.02 -> $0.04; u0: 20 calls, $0.035 -> $0.27
  const prompt = point("prompt", "chat.answer", 0.04, 0.02, 40, 40);
  const person = point("user", "u0", 0.27, 0.035, 20, 20);

  it("carries only what her own calls in it added", async () => {
    // her ten chat calls, each $0.02 over the prompt's usual, of its $0.80
    expect(await partMadeInside(store(), person, prompt)).toBeCloseTo(0.25, 2);
    expect(await partMadeInside(store(), person, { ...prompt, dimension: "all", key: "" })).toBeUndefined();
  });

  it("leaves the prompt named, though her own excess is larger than its", async () => {
    const named = await narrowestCause(store(), [prompt, person], prompt);
    expect(`${named?.label}=${named?.anomaly.key}`).toBe("promptId=chat.answer");
  });
});
