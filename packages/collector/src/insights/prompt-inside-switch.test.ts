// A dear model few calls use (a legal prompt's three a day on opus) is
// flagged by itself when a feature's answers switch onto it: its day's
// dollars are then nearly all the code reviews'. The prompt carries them
// because it moved, so the model stays the cause; a prompt that grew on the
// model it always ran on is still named inside it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { openTempStore, type TempStore } from "../testing/temp-store.ts";
import { dayLabel, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { baselineOf, loadDailySeries } from "./daily-series.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { impactOf } from "./materiality.ts";
import { promptInside } from "./prompt-inside.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const OPUS = "claude-opus-4-1";

/** twenty code reviews a day 13:00–17:00 on gpt-4.1 (or always on opus), three legal answers on opus; on DAY from 14:00 the reviews switch to opus, or grow fourfold */
function dayOfCalls(day: number, change: "switch" | "grow"): LLMCall[] {
  const random = seededRandom(day);
  const calls: LLMCall[] = [];
  for (let i = 0; i < 20; i++) {
    const at = dayStart(day) + 13 * HOUR_MS + i * 12 * 60_000;
    const changed = day === DAY && at >= dayStart(day) + 14 * HOUR_MS;
    const onOpus = change === "grow" || changed;
    const usd = (onOpus ? 0.3 : 0.02) * (change === "grow" && changed ? 4 : 1) * random.logNormal(0.2);
    const model = onOpus ? OPUS : "gpt-4.1";
    calls.push(makeCall({ startedAt: at, model, provider: onOpus ? "anthropic" : "openai", costUSD: usd, tags: { feature: "code-review", promptId: "code-review.answer" } }));
  }
  for (let i = 0; i < 3; i++) {
    const at = dayStart(day) + 9 * HOUR_MS + i * HOUR_MS;
    calls.push(makeCall({ startedAt: at, model: OPUS, provider: "anthropic", costUSD: 0.3 * random.logNormal(0.2), tags: { feature: "legal", promptId: "legal.answer" } }));
  }
  return calls;
}

/** the model's daily cost as the detector would have scored it */
async function modelPoint(store: TempStore["store"]): Promise<Anomaly> {
  const days = (await loadDailySeries(store, "model", FIRST, DAY)).get(OPUS)!;
  const row = days.get(DAY)!;
  const base = baselineOf(days, "cost", DAY, 28)!;
  const impact = impactOf("cost", row, row.costUSD - base.expected, { calls: 1, tokens: 1, cost: 1 });
  const usualCalls = baselineOf(days, "calls", DAY, 28)!.expected;
  return { dimension: "model", key: OPUS, metric: "cost", day: DAY, dayLabel: dayLabel(DAY), value: row.costUSD, expected: base.expected, score: 9, change: row.costUSD / base.expected - 1, impact, usualCalls, message: "" };
}

let temp: TempStore;
beforeEach(() => void (temp = openTempStore()));
afterEach(() => temp.close());

async function fill(change: "switch" | "grow") {
  for (let d = FIRST; d <= DAY; d++) await temp.store.ingest(dayOfCalls(d, change), dayStart(d));
}

describe("promptInside a flagged model", () => {
  it("names no prompt when the prompt carrying the model's dollars moved onto it today", async () => {
    await fill("switch");
    const model = await modelPoint(temp.store);
    expect(await promptInside(temp.store, { anomaly: model, label: "model", carried: 1, infrastructure: false }, 28)).toBeUndefined();
  }, 60_000);

  it("names the prompt that grew on the model it always ran on", async () => {
    await fill("grow");
    const model = await modelPoint(temp.store);
    const found = await promptInside(temp.store, { anomaly: model, label: "model", carried: 1, infrastructure: false }, 28);
    expect(found?.anomaly.key).toBe("code-review.answer");
  }, 60_000);
});
