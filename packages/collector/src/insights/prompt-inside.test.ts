// A broken prompt cache on a small prompt (a legal team's contract answers,
// sixteen calls a day beside their embeddings and reranks) shows in its
// feature's cached input per request; the prompt, too small to be judged
// alone, is named as the one carrying it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { baselineOf, loadDailySeries } from "./daily-series.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { impactOf } from "./materiality.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { promptInside } from "./prompt-inside.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const BREAK_HOUR = 12;
const STEPS = [["contract-qa.embed", 0], ["contract-qa.rerank", 400], ["contract-qa.answer", 7000]] as const;

/** sixteen uses of the feature a day, 08:00–16:00; a warm prefix is read from the cache 85% of the time */
function dayOfCalls(day: number, broken: boolean): LLMCall[] {
  const random = seededRandom(day);
  const calls: LLMCall[] = [];
  for (let use = 0; use < 16; use++) {
    const at = dayStart(day) + 8 * HOUR_MS + use * 30 * 60_000;
    for (const [promptId, prefix] of STEPS) {
      const call = makeCall({ startedAt: at, model: "claude-opus-4-1", provider: "anthropic", inputTokens: prefix + 500, tags: { feature: "contract-qa", department: "legal", promptId, userId: `legal-${use % 8}` } });
      const hit = prefix > 0 && random.next() < 0.85 && !(broken && day === DAY && at >= dayStart(day) + BREAK_HOUR * HOUR_MS);
      call.usage.cachedInputTokens = hit ? prefix : 0;
      calls.push(call);
    }
  }
  return calls;
}

/** the feature's point as the detector would have scored it */
async function featurePoint(store: TempStore["store"]): Promise<Anomaly> {
  const days = (await loadDailySeries(store, "feature", FIRST, DAY)).get("contract-qa")!;
  const row = days.get(DAY)!;
  const value = METRIC_SPECS.cachedInputPerRequest.value(row)!;
  const base = baselineOf(days, "cachedInputPerRequest", DAY, 28)!;
  const impact = impactOf("cachedInputPerRequest", row, base.expected - value, { calls: 1, tokens: 1, cost: 1 });
  return { dimension: "feature", key: "contract-qa", metric: "cachedInputPerRequest", day: DAY, dayLabel: dayLabel(DAY), value, expected: base.expected, score: -7, change: value / base.expected - 1, impact, usualCalls: 48, message: "" };
}

let temp: TempStore;
beforeEach(() => void (temp = openTempStore()));
afterEach(() => temp.close());

async function fill(broken: boolean) {
  for (let d = FIRST; d <= DAY; d++) await temp.store.ingest(dayOfCalls(d, broken), dayStart(d));
}

describe("promptInside", () => {
  it("names the small prompt whose cache broke inside its flagged feature", async () => {
    await fill(true);
    const feature = await featurePoint(temp.store);
    const found = await promptInside(temp.store, { anomaly: feature, label: "feature", carried: 1, infrastructure: false }, 28);
    expect(found?.anomaly.key).toBe("contract-qa.answer");
    expect(found?.label).toBe("promptId");
    expect(found!.anomaly.value).toBeLessThan(found!.anomaly.expected * 0.7);
  }, 60_000);

  it("names no prompt when none of them moved beyond chance", async () => {
    await fill(false);
    const feature = await featurePoint(temp.store);
    // the feature's point made up on an ordinary day: its cache reads went the usual way
    const found = await promptInside(temp.store, { anomaly: { ...feature, impact: { ...feature.impact, amount: 1 } }, label: "feature", carried: 1, infrastructure: false }, 28);
    expect(found).toBeUndefined();
  }, 60_000);
});
