import { afterAll, afterEach, describe, expect, it } from "vitest";
import { avgCostRule } from "./avg-cost.ts";
import { alertHarness, type AlertHarness } from "../../testing/alert-harness.ts";
import { dropPostgresTestDatabase, TEST_STORE_KINDS } from "../../testing/test-server.ts";
import { makeCall } from "../../testing/make-call.ts";
import { makeTrace } from "../../testing/make-trace.ts";

const DAY = 86_400_000;
const TODAY = Date.UTC(2026, 2, 10, 9);
let h: AlertHarness;
afterEach(() => h.close());
afterAll(() => dropPostgresTestDatabase());

describe.each(TEST_STORE_KINDS)("average cost per request against its trailing baseline (%s store)", (kind) => {
  it("fires when the average doubles, once per day", async () => {
    h = alertHarness(avgCostRule, { avgCostMinCalls: 4 }, kind);
    const past = Array.from({ length: 8 }, (_, i) => makeCall({ startedAt: TODAY - (1 + (i % 3)) * DAY, costUSD: 0.01 }));
    expect(await h.ingest(past)).toEqual([]);
    expect(await h.ingest([0.015, 0.015, 0.015, 0.015].map((c, i) => makeCall({ startedAt: TODAY + i, costUSD: c })))).toEqual([]);
    const dear = [0.05, 0.05].map((c, i) => makeCall({ startedAt: TODAY + 100 + i, costUSD: c }));
    const [alert] = await h.ingest(dear);
    expect(alert).toMatchObject({ kind: "avg_cost_per_request", subject: "2026-03-10", baseline: 0.01 });
    expect(alert!.value).toBeCloseTo(0.16 / 6, 6);
    expect(await h.ingest([makeCall({ startedAt: TODAY + 500, costUSD: 0.09 })])).toEqual([]);
  });

  it("counts a traced request once: an agent making twice the calls per answer doubles the cost per request", async () => {
    h = alertHarness(avgCostRule, { avgCostMinCalls: 4 }, kind);
    const traced = (startedAt: number, calls: number) => makeTrace({ startedAt, calls, steps: 1, costUSD: calls * 0.01 });
    // before: 3 calls a request, each $0.01; one call outside any trace
    for (let i = 0; i < 6; i++) {
      const { trace, calls } = traced(TODAY - (1 + (i % 3)) * DAY, 3);
      expect(await h.ingest(calls, [trace])).toEqual([]);
    }
    expect(await h.ingest([makeCall({ startedAt: TODAY - DAY, costUSD: 0.03 })])).toEqual([]);
    // today: the same $0.01 calls, six a request; calls alone would say nothing changed
    const fired = [];
    for (let i = 0; i < 4; i++) {
      const { trace, calls } = traced(TODAY + i * 1000, 6);
      fired.push(...(await h.ingest(calls, [trace])));
    }
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ kind: "avg_cost_per_request", subject: "2026-03-10" });
    expect(fired[0]!.baseline).toBeCloseTo(0.03, 8);
    expect(fired[0]!.value).toBeCloseTo(0.06, 8);
  });
});
