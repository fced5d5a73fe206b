// A slowdown only the whole app's p95 shows, where that p95 hangs on another
// provider's long calls: the provider whose models slowed is named.
import { afterEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { explainDay } from "./explain-day.ts";
import { slowedAcrossModels, slowedProvider } from "./slowed-across-models.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const SLOW_FROM = 12;
/** model, provider, calls an hour, usual duration: openai's long answers make the app's p95 */
const MODELS = [["claude-haiku-4-5", "anthropic", 5, 800], ["claude-sonnet-4-5", "anthropic", 10, 1200], ["gpt-4.1", "openai", 15, 9000]] as const;

function dayOfCalls(day: number, slowed: readonly string[]): LLMCall[] {
  const random = seededRandom(day);
  const calls: LLMCall[] = [];
  for (let hour = 8; hour < 18; hour++) {
    for (const [model, provider, perHour, ms] of MODELS) {
      for (let i = 0; i < perHour; i++) {
        const slow = day === DAY && hour >= SLOW_FROM && slowed.includes(model) ? 4 : 1;
        const at = dayStart(day) + hour * HOUR_MS + Math.floor((i * HOUR_MS) / perHour);
        calls.push(makeCall({ startedAt: at, model, provider, durationMs: Math.round(ms * random.logNormal(0.3) * slow), tags: { userId: `u${i}`, feature: "chat" } }));
      }
    }
  }
  return calls;
}

let temp: TempStore;
afterEach(() => temp.close());

async function slowApp(slowed: readonly string[]): Promise<Anomaly> {
  temp = openTempStore();
  for (let d = FIRST; d <= DAY; d++) await temp.store.ingest(dayOfCalls(d, slowed), dayStart(d));
  // the only point flagged: the whole app's p95
  return {
    dimension: "all", key: "", metric: "latencyP95", day: DAY, dayLabel: dayLabel(DAY), value: 14_000, expected: 11_000, score: 7, change: 0.27, usualCalls: 300, message: "",
    impact: { floor: "affected", amount: 60, share: 0.2, dayShare: 0.2 },
  };
}

describe("a slowdown only the whole app shows", () => {
  it("is put on the provider whose models both slowed, with its part of the slowed calls", async () => {
    const app = await slowApp(["claude-haiku-4-5", "claude-sonnet-4-5"]);
    const found = await slowedProvider(temp.store, app, 28);
    expect(found?.anomaly.key).toBe("anthropic");
    expect(found?.carried).toBe(1);
    // with the provider's own day, and first in the day's explanation
    expect(found!.anomaly.value).toBeGreaterThan(2 * found!.anomaly.expected);
    expect((await explainDay(temp.store, [app]))?.causes[0]).toMatchObject({ dimension: "provider", key: "anthropic" });
  }, 60_000);

  it("is put on no provider when only a third of its calls, one of its models, slowed", async () => {
    const app = await slowApp(["claude-haiku-4-5"]);
    expect(await slowedProvider(temp.store, app, 28)).toBeUndefined();
  }, 60_000);
});

describe("a slowdown flagged on one model", () => {
  /** gpt-4.1's long answers all day; gpt-4o-mini's long drafts in the morning only and its short reranks all day: its day p95 is a draft's */
  function mixedDay(day: number): LLMCall[] {
    const random = seededRandom(day + 1000);
    const calls: LLMCall[] = [];
    for (let hour = 8; hour < 18; hour++) {
      const slow = day === DAY && hour >= SLOW_FROM ? 4 : 1;
      const shapes: [model: string, promptId: string, perHour: number, ms: number][] = [["gpt-4.1", "code-review", 6, 9000], ["gpt-4o-mini", "assist.rerank", 20, 700]];
      if (hour < SLOW_FROM) shapes.push(["gpt-4o-mini", "email-draft", 10, 8000]);
      for (const [model, promptId, perHour, ms] of shapes) {
        for (let i = 0; i < perHour; i++) {
          const at = dayStart(day) + hour * HOUR_MS + Math.floor((i * HOUR_MS) / perHour);
          calls.push(makeCall({ startedAt: at, model, provider: "openai", durationMs: Math.round(ms * random.logNormal(0.2) * slow), tags: { promptId } }));
        }
      }
    }
    return calls;
  }

  it("is the provider's when its other model's short calls slowed, though not past that model's usual day p95", async () => {
    temp = openTempStore();
    for (let d = FIRST; d <= DAY; d++) await temp.store.ingest(mixedDay(d), dayStart(d));
    const gpt41: Anomaly = {
      dimension: "model", key: "gpt-4.1", metric: "latencyP95", day: DAY, dayLabel: dayLabel(DAY), value: 40_000, expected: 11_000, score: 9, change: 2.6, usualCalls: 60, message: "",
      impact: { floor: "affected", amount: 30, share: 0.1, dayShare: 0.1 },
    };
    expect((await slowedAcrossModels(temp.store, gpt41, 28))?.key).toBe("openai");
  }, 60_000);
});

describe("a slowdown flagged only on a workload", () => {
  /** department, model, provider, calls an hour, usual duration: engineering and support both at openai */
  const TEAMS = [["engineering", "gpt-4.1", "openai", 10, 6000], ["support", "gpt-4o", "openai", 20, 3000], ["sales", "claude-haiku-4-5", "anthropic", 10, 2000]] as const;

  /** from noon on DAY the calls `slowed` picks take four times as long */
  function teamsDay(day: number, slowed: (department: string, provider: string) => boolean): LLMCall[] {
    const random = seededRandom(day + 2000);
    const calls: LLMCall[] = [];
    for (let hour = 8; hour < 18; hour++) {
      for (const [department, model, provider, perHour, ms] of TEAMS) {
        for (let i = 0; i < perHour; i++) {
          const slow = day === DAY && hour >= SLOW_FROM && slowed(department, provider) ? 4 : 1;
          const at = dayStart(day) + hour * HOUR_MS + Math.floor((i * HOUR_MS) / perHour);
          const tags = { department, promptId: `${department}.answer`, userId: `${department}-${i % 5}` };
          calls.push(makeCall({ startedAt: at, model, provider, durationMs: Math.round(ms * random.logNormal(0.2) * slow), tags }));
        }
      }
    }
    return calls;
  }

  async function engineeringFlagged(slowed: (department: string, provider: string) => boolean): Promise<Anomaly> {
    temp = openTempStore();
    for (let d = FIRST; d <= DAY; d++) await temp.store.ingest(teamsDay(d, slowed), dayStart(d));
    const engineering: Anomaly = {
      dimension: "department", key: "engineering", metric: "latencyP95", day: DAY, dayLabel: dayLabel(DAY), value: 24_000, expected: 7_000, score: 9, change: 2.4, usualCalls: 100, message: "",
      impact: { floor: "affected", amount: 50, share: 0.1, dayShare: 0.1 },
    };
    return engineering;
  }

  it("is the provider's when the provider's calls for others slowed as well", async () => {
    const engineering = await engineeringFlagged((_, provider) => provider === "openai");
    expect((await slowedAcrossModels(temp.store, engineering, 28))?.key).toBe("openai");
    expect((await explainDay(temp.store, [engineering]))?.causes[0]).toMatchObject({ dimension: "provider", key: "openai" });
  }, 60_000);

  it("stays the workload's when only its own calls slowed", async () => {
    const engineering = await engineeringFlagged((department) => department === "engineering");
    expect(await slowedAcrossModels(temp.store, engineering, 28)).toBeUndefined();
    expect((await explainDay(temp.store, [engineering]))?.causes[0]).toMatchObject({ dimension: "department", key: "engineering" });
  }, 60_000);
});
