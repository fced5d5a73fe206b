// A feature carrying most of a day's failures: its own (retrying into rate
// limits) or its provider's (an outage at the hours it makes most calls).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { failingWithProvider } from "./failing-with-provider.ts";
import { narrowestCause } from "./narrowest-cause.ts";

const DAY = Date.UTC(2026, 2, 2) / 86_400_000;

/** two hours of one provider's calls: 30 of code-chat and 10 of assist an hour (on `assistModel`); `failing` says which fail, every other one */
function hours(failing: readonly string[], assistModel = "claude-sonnet-4-5"): LLMCall[] {
  const calls: LLMCall[] = [];
  for (let hour = 15; hour < 17; hour++) {
    for (const [feature, perHour] of [["code-chat", 30], ["assist", 10]] as const) {
      for (let i = 0; i < perHour; i++) {
        const fails = failing.includes(feature) && i % 2 === 0;
        calls.push(makeCall({ startedAt: dayStart(DAY) + hour * HOUR_MS + i * 60_000, provider: "anthropic", model: feature === "assist" ? assistModel : "claude-sonnet-4-5", tags: { feature }, ...(fails ? { errorKind: "overloaded" as const } : {}) }));
      }
    }
  }
  return calls;
}

const codeChat: Anomaly = {
  dimension: "feature", key: "code-chat", metric: "errorRate", day: DAY, dayLabel: dayLabel(DAY), value: 0.5, expected: 0.005, score: 20, change: 99, usualCalls: 60, message: "",
  impact: { floor: "errors", amount: 30, share: 0.1, dayShare: 0.1 },
};

let temp: TempStore;
beforeEach(() => void (temp = openTempStore()));
afterEach(() => temp.close());

describe("failingWithProvider", () => {
  it("puts the failures on the provider when its other calls failed as often", async () => {
    await temp.store.ingest(hours(["code-chat", "assist"]), dayStart(DAY));
    expect(await failingWithProvider(temp.store, codeChat)).toBe("anthropic");
  });

  it("reads a prompt the app does not name by its fingerprint", async () => {
    const calls = hours(["code-chat", "assist"]).map((c) => (c.tags.feature === "code-chat" ? { ...c, fingerprint: "fp-code-chat" } : c));
    await temp.store.ingest(calls, dayStart(DAY));
    expect(await failingWithProvider(temp.store, { ...codeChat, dimension: "prompt", key: "fp-code-chat" })).toBe("anthropic");
  });

  it("weighs the provider's other calls hour by hour: a workload busy at the outage's hours fails more over the day, not more each hour", async () => {
    // assist also runs all morning, before the outage: over the day it failed a sixth as often as code-chat
    const morning = Array.from({ length: 100 }, (_, i) =>
      makeCall({ startedAt: dayStart(DAY) + (5 + (i % 10)) * HOUR_MS + i * 1000, provider: "anthropic", model: "claude-sonnet-4-5", tags: { feature: "assist" } }));
    await temp.store.ingest([...morning, ...hours(["code-chat", "assist"])], dayStart(DAY));
    expect(await failingWithProvider(temp.store, codeChat)).toBe("anthropic");
  });

  it("leaves them with the feature when the provider's other calls went through", async () => {
    await temp.store.ingest(hours(["code-chat"]), dayStart(DAY));
    expect(await failingWithProvider(temp.store, codeChat)).toBeUndefined();
  });
});

describe("failures a model carries", () => {
  const sonnet: Anomaly = { ...codeChat, dimension: "model", key: "claude-sonnet-4-5" };
  const named = async () => (await narrowestCause(temp.store, [sonnet], sonnet))?.anomaly;

  it("are the provider's when its other model failed as often", async () => {
    await temp.store.ingest(hours(["code-chat", "assist"], "claude-haiku-4-5"), dayStart(DAY));
    expect(await failingWithProvider(temp.store, sonnet)).toBe("anthropic");
    expect(await named()).toMatchObject({ dimension: "provider", key: "anthropic" });
  });

  it("stay the model's when the provider's other model went through", async () => {
    await temp.store.ingest(hours(["code-chat"], "claude-haiku-4-5"), dayStart(DAY));
    expect(await failingWithProvider(temp.store, sonnet)).toBeUndefined();
    expect(await named()).toMatchObject({ dimension: "model", key: "claude-sonnet-4-5" });
  });
});
