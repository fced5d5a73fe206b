// Which flagged series names a day's change: the shapes of incident the
// whole-app breakdown gets wrong, each as the anomalies the detector flags.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { narrowestCause } from "./narrowest-cause.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;

function flagged(dimension: Anomaly["dimension"], key: string, o: Partial<Anomaly> & { amount: number; floor?: Anomaly["impact"]["floor"] }): Anomaly {
  const { amount, floor = "calls", ...rest } = o;
  return {
    dimension, key, metric: "calls", day: DAY, dayLabel: dayLabel(DAY), value: amount, expected: 0, score: 10, change: 1, usualCalls: 100, message: "",
    impact: { floor, amount, share: amount / 900, dayShare: amount / 900 },
    ...rest,
  };
}

let temp: TempStore;
afterEach(() => temp.close());

describe("narrowestCause, volume", () => {
  beforeEach(() => void (temp = openTempStore()));

  it("names a service user new today that makes a third of the extra requests, while a department that joined days ago still grows the total", async () => {
    const all = flagged("all", "", { amount: 1300, usualCalls: 900 });
    const day = [
      all,
      flagged("provider", "openai", { amount: 1020, usualCalls: 530 }),
      flagged("prompt", "ticket-summary.answer", { amount: 480, usualCalls: 53 }),
      flagged("user", "svc-nightly", { amount: 430, usualCalls: 0 }),
    ];
    const named = await narrowestCause(temp.store, day, all);
    expect(named?.anomaly.dimension).toBe("user");
    expect(named?.anomaly.key).toBe("svc-nightly");
  });

  it("names the looping user, not a joiner new today who makes a small part of the extra requests", async () => {
    const all = flagged("all", "", { amount: 1500, usualCalls: 900 });
    const day = [all, flagged("user", "sales-13", { amount: 1400, usualCalls: 12 }), flagged("user", "new-joiner", { amount: 160, usualCalls: 0 })];
    const named = await narrowestCause(temp.store, day, all);
    expect(named?.anomaly.key).toBe("sales-13");
  });

  it("keeps a new key of another kind of impact out: a joiner's requests do not explain a prompt's tokens", async () => {
    const tokens = flagged("all", "", { metric: "tokensPerRequest", amount: 900_000, floor: "tokens", usualCalls: 900 });
    const day = [tokens, flagged("prompt", "code-chat.answer", { metric: "tokensPerRequest", amount: 880_000, floor: "tokens", usualCalls: 177 }), flagged("user", "support-30", { amount: 140, usualCalls: 0 })];
    const named = await narrowestCause(temp.store, day, tokens);
    expect(named?.anomaly.key).toBe("code-chat.answer");
  });
});

// Three models an hour, 30 calls each (two at anthropic, one at openai), 28 ordinary days; on the last day from noon
// the slowed ones take four times as long
const MODELS = [["claude-haiku-4-5", "anthropic"], ["claude-sonnet-4-5", "anthropic"], ["gpt-4o", "openai"]] as const;
const SLOW_FROM = 12;

function dayOfCalls(day: number, slowed: readonly string[]): LLMCall[] {
  const random = seededRandom(day);
  const calls: LLMCall[] = [];
  for (let hour = 8; hour < 18; hour++) {
    for (const [model, provider] of MODELS) {
      for (let i = 0; i < 10; i++) {
        const slow = day === DAY && hour >= SLOW_FROM && slowed.includes(model) ? 4 : 1;
        const at = dayStart(day) + hour * HOUR_MS + i * 5 * 60_000;
        calls.push(makeCall({ startedAt: at, model, provider, durationMs: Math.round(800 * random.logNormal(0.3) * slow), tags: { userId: `u${i}`, feature: "chat" } }));
      }
    }
  }
  return calls;
}

async function slowdown(slowed: readonly string[]): Promise<Anomaly | undefined> {
  temp = openTempStore();
  for (let d = FIRST; d <= DAY; d++) await temp.store.ingest(dayOfCalls(d, slowed), dayStart(d));
  // the detector flagged the busiest slowed model's p95 and, as the provider's p95 mixes in its other models, not the provider
  const haiku = flagged("model", "claude-haiku-4-5", { metric: "latencyP95", value: 4400, expected: 1200, amount: 60, floor: "affected", usualCalls: 100 });
  return (await narrowestCause(temp.store, [haiku], haiku))?.anomaly;
}

describe("narrowestCause, speed", () => {
  it("names the provider when its other model slowed as well", async () => {
    const named = await slowdown(["claude-haiku-4-5", "claude-sonnet-4-5"]);
    expect(`${named?.dimension}=${named?.key}`).toBe("provider=anthropic");
    // with the provider's own before and after
    expect(named!.value).toBeGreaterThan(2 * named!.expected);
  }, 60_000);

  it("names the model when the provider's other model held steady", async () => {
    const named = await slowdown(["claude-haiku-4-5"]);
    expect(`${named?.dimension}=${named?.key}`).toBe("model=claude-haiku-4-5");
  }, 60_000);

  it("names the provider slowed all afternoon, not another provider's one slow hour beside it", async () => {
    temp = openTempStore();
    const app = flagged("all", "", { metric: "ttftP95", amount: 95, floor: "affected", usualCalls: 1300 });
    const day = [
      app,
      flagged("provider", "anthropic", { metric: "ttftP95", amount: 87, floor: "affected", usualCalls: 385 }),
      // narrower, and a provider too, but a tenth of the slowed requests
      flagged("provider", "openai", { metric: "latencyP95", hour: 14, amount: 9, floor: "affected", usualCalls: 91 }),
    ];
    const named = await narrowestCause(temp.store, day, app);
    expect(`${named?.anomaly.dimension}=${named?.anomaly.key}`).toBe("provider=anthropic");
  });
});

describe("narrowestCause, served snapshot", () => {
  beforeEach(() => void (temp = openTempStore()));

  it("names the snapshot a model's calls are served by from today, not the model asked for", async () => {
    for (let d = DAY - 7; d <= DAY; d++) {
      const calls = Array.from({ length: 40 }, (_, i) => {
        const call = makeCall({ startedAt: dayStart(d) + 8 * HOUR_MS + i * 15 * 60_000, model: "gpt-4o", outputTokens: d === DAY && i >= 20 ? 700 : 400 });
        call.responseModel = d === DAY && i >= 20 ? "gpt-4o-2026-03-16" : "gpt-4o-2024-08-06";
        return call;
      });
      await temp.store.ingest(calls, dayStart(d));
    }
    const longer = flagged("model", "gpt-4o", { metric: "outputTokensPerRequest", amount: 6000, floor: "tokens", usualCalls: 40 });
    const named = await narrowestCause(temp.store, [longer], longer);
    expect(`${named?.anomaly.dimension}=${named?.anomaly.key}`).toBe("responseModel=gpt-4o-2026-03-16");
    expect(named?.movedOnto).toBe(true);
  });

  it("names the model when its calls are served by the snapshot they always were", async () => {
    for (let d = DAY - 7; d <= DAY; d++) {
      const calls = Array.from({ length: 40 }, (_, i) => makeCall({ startedAt: dayStart(d) + 8 * HOUR_MS + i * 15 * 60_000, model: "gpt-4o", outputTokens: d === DAY && i >= 20 ? 700 : 400 }));
      for (const c of calls) c.responseModel = "gpt-4o-2024-08-06";
      await temp.store.ingest(calls, dayStart(d));
    }
    const longer = flagged("model", "gpt-4o", { metric: "outputTokensPerRequest", amount: 6000, floor: "tokens", usualCalls: 40 });
    const named = await narrowestCause(temp.store, [longer], longer);
    expect(`${named?.anomaly.dimension}=${named?.anomaly.key}`).toBe("model=gpt-4o");
  });
});

describe("narrowestCause, a broken cache", () => {
  beforeEach(() => void (temp = openTempStore()));

  it("names the prompt whose cache stopped hitting, though its afternoon calls happened to be on another model", async () => {
    // a contract prompt's fifteen calls a day read a 6,000-token prefix from the cache; on DAY, after noon, they miss,
    // and the afternoon's lawyers are the ones who prefer sonnet
    for (let d = DAY - 7; d <= DAY; d++) {
      const calls = Array.from({ length: 15 }, (_, i) => {
        const at = dayStart(d) + 8 * HOUR_MS + i * 40 * 60_000;
        const afternoon = d === DAY && at >= dayStart(d) + 12 * HOUR_MS;
        const call = makeCall({ startedAt: at, model: afternoon ? "claude-sonnet-4-5" : "claude-opus-4-1", provider: "anthropic", inputTokens: 10_000, costUSD: 0.1, tags: { promptId: "contract-qa.answer", userId: `lawyer-${i % 5}` } });
        call.usage.cachedInputTokens = afternoon ? 0 : 6000;
        return call;
      });
      await temp.store.ingest(calls, dayStart(d));
    }
    const missed = flagged("prompt", "contract-qa.answer", { metric: "cachedInputPerRequest", value: 2400, expected: 6000, amount: 1.2, floor: "cost", usualCalls: 15 });
    const named = await narrowestCause(temp.store, [missed], missed);
    expect(`${named?.label}=${named?.anomaly.key}`).toBe("promptId=contract-qa.answer");
  });
});

describe("narrowestCause, a retry storm", () => {
  beforeEach(() => void (temp = openTempStore()));

  it("names the feature retrying into rate limits, not the snapshot its calls have been served by since a few days ago", async () => {
    // code-chat's calls on sonnet are served by a new snapshot from DAY - 3; on DAY it retries each call five times
    // from 15:00, mostly into rate limits, while the provider's drafts beside it keep succeeding
    for (let d = DAY - 7; d <= DAY; d++) {
      const calls: LLMCall[] = [];
      for (let i = 0; i < 40; i++) {
        const at = dayStart(d) + 9 * HOUR_MS + i * 15 * 60_000;
        const storm = d === DAY && at >= dayStart(d) + 15 * HOUR_MS;
        for (let r = 0; r <= (storm ? 5 : 0); r++) {
          const chat = makeCall({ startedAt: at + r * 1000, model: "claude-sonnet-4-5", provider: "anthropic", tags: { feature: "code-chat", promptId: "code-chat.answer", userId: `e${i % 8}` }, ...(r > 0 && r < 5 ? { errorKind: "rate_limit" } : {}) });
          chat.responseModel = d >= DAY - 3 ? "claude-sonnet-4-5-20260316" : "claude-sonnet-4-5-20250929";
          calls.push(chat);
        }
        calls.push(makeCall({ startedAt: at + 500, model: "claude-haiku-4-5", provider: "anthropic", tags: { feature: "email-draft", promptId: "email-draft.answer", userId: `s${i % 8}` } }));
      }
      await temp.store.ingest(calls, dayStart(d));
    }
    const failures = { metric: "errorRate" as const, floor: "errors" as const };
    const app = flagged("all", "", { ...failures, amount: 96, usualCalls: 80 });
    const day = [app, flagged("feature", "code-chat", { ...failures, amount: 96, usualCalls: 40 }), flagged("responseModel", "claude-sonnet-4-5-20260316", { ...failures, amount: 96, usualCalls: 40 })];
    const named = await narrowestCause(temp.store, day, app);
    expect(`${named?.anomaly.dimension}=${named?.anomaly.key}`).toBe("feature=code-chat");
  });
});

/**
 * support uses two features all day, four calls an hour each; on DAY from `fromHour` to `toHour` assist retries each
 * call five times (into rate limits where `failing`)
 */
async function storeRetries(fromHour: number, toHour: number, failing: boolean): Promise<void> {
  for (let d = DAY - 14; d <= DAY; d++) {
    const calls: LLMCall[] = [];
    for (let i = 0; i < 32; i++) {
      const at = dayStart(d) + 9 * HOUR_MS + i * 15 * 60_000;
      const retries = d === DAY && at >= dayStart(d) + fromHour * HOUR_MS && at < dayStart(d) + toHour * HOUR_MS ? 5 : 0;
      for (let r = 0; r <= retries; r++) {
        const failed = failing && r < retries ? { errorKind: "rate_limit" as const } : {};
        calls.push(makeCall({ startedAt: at + r * 1000, model: "gpt-4o", provider: "openai", ...failed, tags: { feature: "assist", promptId: "assist.answer", department: "support", userId: `a${i % 8}` } }));
      }
      calls.push(makeCall({ startedAt: at + 500, model: "gpt-4o", provider: "openai", tags: { feature: "ticket-summary", promptId: "ticket-summary.answer", department: "support", userId: `t${i % 8}` } }));
    }
    await temp.store.ingest(calls, dayStart(d));
  }
}

describe("narrowestCause, one feature's retries", () => {
  beforeEach(() => void (temp = openTempStore()));

  it("names the feature that made a provider's extra requests in the hour, not the provider", async () => {
    // only the provider's and the app's hours count requests, so the provider is the narrowest flagged
    await storeRetries(15, 16, false);
    const hour = flagged("provider", "openai", { hour: 15, value: 28, expected: 8, amount: 20, usualCalls: 8 });
    const named = await narrowestCause(temp.store, [hour], hour);
    expect(`${named?.label}=${named?.anomaly.key}`).toBe("feature=assist");
  });

  it("names the feature that made a department's extra requests, not the department", async () => {
    // three hours of retries into rate limits: the feature's requests spread more than the department's, whose day
    // alone is flagged for them
    await storeRetries(12, 15, true);
    const day = flagged("department", "support", { value: 124, expected: 64, amount: 60, usualCalls: 64 });
    const named = await narrowestCause(temp.store, [day], day);
    expect(`${named?.label}=${named?.anomaly.key}`).toBe("feature=assist");
  });
});
