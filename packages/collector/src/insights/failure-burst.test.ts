// Anthropic's eight calls an hour, one in a hundred failing, beside openai's
// thirty: two hours in which half of anthropic's calls fail move neither its
// day (8 failures more in 192 calls) nor any one hour it has (too few calls
// to judge an hour by), and are still no chance at its usual rate.
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { makeCall } from "../testing/make-call.ts";
import { daysStoredPerTest } from "../testing/days-per-test.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { detectAnomalies } from "./detect-anomalies.ts";
import { explainDay } from "./explain-day.ts";

const FIRST = Date.UTC(2026, 1, 2) / 86_400_000;
const DAY = FIRST + 28;
const BURST = [15, 16];

/** who fails in the burst's hours, by the call's place in its hour: `i % 8 < failing` fails, made by `person(i)` */
interface Burst {
  failing: number;
  person: (i: number) => string;
}

function dayOfCalls(burst: Burst) {
  return (day: number): LLMCall[] =>
    Array.from({ length: 24 }, (_, hour) =>
      Array.from({ length: 38 }, (_, i) => {
        const n = (day * 24 + hour) * 38 + i;
        const anthropic = i < 8;
        const failing = anthropic && day === DAY && BURST.includes(hour) && i < burst.failing;
        const errorKind = failing ? "overloaded" : n % 97 === 0 ? "rate_limit" : undefined;
        const userId = failing ? burst.person(i) : `u${i % 6}`;
        return makeCall({
          startedAt: dayStart(day) + hour * HOUR_MS + i * 90_000,
          provider: anthropic ? "anthropic" : "openai",
          model: anthropic ? "claude-sonnet-4-5" : "gpt-4o-mini",
          tags: { userId },
          ...(errorKind ? { errorKind } : {}),
        });
      }),
    ).flat();
}

const bursts = (found: Awaited<ReturnType<typeof detectAnomalies>>) =>
  found.filter((a) => a.metric === "errorRate").map((a) => `${a.dimension}=${a.key}@${a.hour}+${a.hours ?? 1}`);

describe("a burst of failures over a few quiet hours, several people failing", () => {
  const store = daysStoredPerTest(FIRST, DAY, dayOfCalls({ failing: 4, person: (i) => `u${i}` }));

  it("is flagged over its hours on the provider and its model, and nowhere before", async () => {
    const found = await detectAnomalies(store(), { fromDay: DAY, toDay: DAY, now: dayStart(DAY + 1) });
    expect(bursts(found).sort()).toEqual(["model=claude-sonnet-4-5@15+2", "provider=anthropic@15+2"]);
    const provider = found.find((a) => a.dimension === "provider")!;
    expect(provider.message).toMatch(/^provider=anthropic: error rate \+\d+% at 15:00–17:00 on 2026-03-02 \(5\d\.\d% against/);
    expect(provider.impact).toMatchObject({ floor: "errors" });
    expect(provider.impact.amount).toBeGreaterThan(7);
    expect(await detectAnomalies(store(), { fromDay: DAY - 7, toDay: DAY - 1, now: dayStart(DAY + 1) })).toEqual([]);
  });

  it("is judged on finished hours only", async () => {
    // by 16:59 only 15:00–16:00 is over, and four failures of eight is one chance in a million at the usual rate
    expect(bursts(await detectAnomalies(store(), { fromDay: DAY, toDay: DAY, now: dayStart(DAY) + 17 * HOUR_MS - 60_000 }))).toEqual([]);
    expect(bursts(await detectAnomalies(store(), { fromDay: DAY, toDay: DAY, now: dayStart(DAY) + 17 * HOUR_MS }))).toContain("provider=anthropic@15+2");
  });

  it("is explained by the provider, its error kind and its first failed call", async () => {
    const rca = await explainDay(store(), await detectAnomalies(store(), { fromDay: DAY, toDay: DAY, now: dayStart(DAY + 1) }));
    expect(rca).toMatchObject({ metric: "errorRate", hour: 15 });
    // read over both hours together: the failures' kind, then the provider they are in (read over one hour of the
    // slices, openai's mix of calls looked concentrated)
    expect(rca).toMatchObject({ hour: 15, hours: 2 });
    expect(rca!.causes.slice(0, 2).map((c) => `${c.dimension}=${c.key}`)).toEqual(["errorKind=overloaded", "provider=anthropic"]);
    expect(rca!.sentence).toMatch(/^error rate \+\d+% at 15:00–17:00 on 2026-03-02 /);
    expect(rca!.firstCall!.startedAt).toBeGreaterThanOrEqual(dayStart(DAY) + 15 * HOUR_MS);
    expect(rca!.firstCall!.startedAt).toBeLessThan(dayStart(DAY) + 17 * HOUR_MS);
  });
});

describe("the same failures made by one person", () => {
  const store = daysStoredPerTest(FIRST, DAY, dayOfCalls({ failing: 4, person: () => "u1" }));

  it("are her request retried, not an outage", async () => {
    expect(bursts(await detectAnomalies(store(), { fromDay: DAY, toDay: DAY, now: dayStart(DAY + 1) }))).toEqual([]);
  });
});

describe("a few failures more than usual in those hours", () => {
  const store = daysStoredPerTest(FIRST, DAY, dayOfCalls({ failing: 1, person: (i) => `u${i}` }));

  it("are within what the usual rate gives by chance", async () => {
    expect(bursts(await detectAnomalies(store(), { fromDay: DAY, toDay: DAY, now: dayStart(DAY + 1) }))).toEqual([]);
  });
});
