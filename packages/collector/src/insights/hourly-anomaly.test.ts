// A burst too short to move its day: one hour of server errors late in an
// otherwise normal day. The day's error rate stays inside its usual range; the
// hour, judged against the same hour of the weeks before, does not — and it is
// only judged once it is over. Explained at that hour, and alerted on then.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { anomalyRule } from "../alerts/rules/anomaly.ts";
import { alertHarness } from "../testing/alert-harness.ts";
import { makeCall } from "../testing/make-call.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { detectAnomalies } from "./detect-anomalies.ts";
import { explainDay } from "./explain-day.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const BURST_HOUR = 20;
const PER_HOUR = 40;

/** 40 calls an hour on two providers, one in a hundred rate-limited; in the burst hour 12 of anthropic's 20 calls fail with server errors */
function hourOfCalls(day: number, hour: number, burst: boolean): LLMCall[] {
  return Array.from({ length: PER_HOUR }, (_, i) => {
    const n = (day * 24 + hour) * PER_HOUR + i;
    const provider = i % 2 ? "anthropic" : "openai";
    const errorKind = burst && provider === "anthropic" && i < 24 ? "server" : n % 97 === 0 ? "rate_limit" : undefined;
    return makeCall({ startedAt: dayStart(day) + hour * HOUR_MS + i * 60_000, provider, tags: { userId: `u${i % 4}`, department: "support", feature: "chat" }, durationMs: 400 + (n % 7) * 50, ...(errorKind ? { errorKind } : {}) });
  });
}

const dayOfCalls = (day: number, untilHour = 24) =>
  Array.from({ length: untilHour }, (_, h) => hourOfCalls(day, h, day === DAY && h === BURST_HOUR)).flat();

const store = daysStoredPerTest(FIRST, DAY, dayOfCalls);

describe("hourly anomalies", () => {
  it("flag the burst hour when the whole day's error rate does not move", async () => {
    const found = await detectAnomalies(store(), { fromDay: DAY, toDay: DAY, now: dayStart(DAY + 1) });
    expect(found.filter((a) => a.metric === "errorRate" && a.hour === undefined)).toEqual([]);
    const hourly = found.filter((a) => a.metric === "errorRate");
    // every call is on one feature, model, prompt and department, so those series carry the whole app's hour;
    // each of the four users has too few calls an hour to be judged
    expect(hourly.map((a) => `${a.dimension}=${a.key}@${a.hour}`).sort()).toEqual([
      "all=@20", "department=support@20", "feature=chat@20", "model=gpt-4o-mini@20", "prompt=fp-summarize@20", "provider=anthropic@20",
    ]);
    expect(hourly[0]!.message).toContain("at 20:00–21:00 on 2026-03-02");
    // nothing else in the calm days around it
    expect(await detectAnomalies(store(), { fromDay: DAY - 3, toDay: DAY - 1, now: dayStart(DAY + 1) })).toEqual([]);
  });

  it("judge an hour only once it is over", async () => {
    const during = await detectAnomalies(store(), { fromDay: DAY, toDay: DAY, now: dayStart(DAY) + BURST_HOUR * HOUR_MS + 30 * 60_000 });
    expect(during.filter((a) => a.hour === BURST_HOUR)).toEqual([]);
    const after = await detectAnomalies(store(), { fromDay: DAY, toDay: DAY, now: dayStart(DAY) + (BURST_HOUR + 1) * HOUR_MS });
    expect(after.some((a) => a.hour === BURST_HOUR && a.metric === "errorRate")).toBe(true);
    expect(await detectAnomalies(store(), { fromDay: DAY, toDay: DAY, now: dayStart(DAY + 1), hourly: false })).toEqual([]);
  });

  it("are explained at their hour, naming the error kind and the provider", async () => {
    const rca = await explainDay(store(), await detectAnomalies(store(), { fromDay: DAY, toDay: DAY, now: dayStart(DAY + 1) }));
    expect(rca).toMatchObject({ metric: "errorRate", hour: BURST_HOUR });
    expect(rca!.causes[0]).toMatchObject({ dimension: "errorKind", key: "server" });
    expect(rca!.causes.find((c) => c.dimension === "provider")).toMatchObject({ key: "anthropic" });
    expect(rca!.sentence).toMatch(/^error rate \+\d+% at 20:00–21:00 on 2026-03-02 .* from errorKind=server/);
    // the first call that shows it is inside the hour
    expect(rca!.firstCall!.startedAt).toBeGreaterThanOrEqual(dayStart(DAY) + BURST_HOUR * HOUR_MS);
  });
});

describe("hourly anomaly alerts", () => {
  it("fire when the burst hour ends, before the day is over", async () => {
    const h = alertHarness(anomalyRule);
    try {
      for (let d = FIRST; d < DAY; d++) await h.ingest(dayOfCalls(d));
      const fired = [];
      for (let hour = 0; hour <= BURST_HOUR + 1; hour++) fired.push(...(await h.ingest(hourOfCalls(DAY, hour, hour === BURST_HOUR))));
      const errors = fired.filter((a) => a.subject === "errorRate");
      expect(errors, JSON.stringify(fired.map((a) => a.message))).toHaveLength(1);
      expect(errors[0]!.message).toContain("at 20:00–21:00 on 2026-03-02");
      expect(errors[0]!.message).toContain("errorKind=server");
      // raised by the first batch after the hour ended
      expect(errors[0]!.firedAt).toBeGreaterThanOrEqual(dayStart(DAY) + (BURST_HOUR + 1) * HOUR_MS);
    } finally {
      await h.close();
    }
  });
});
