import { afterAll, afterEach, describe, expect, it } from "vitest";
import { avgCostRule } from "./avg-cost.ts";
import { alertHarness, type AlertHarness } from "../../testing/alert-harness.ts";
import { dropPostgresTestDatabase, TEST_STORE_KINDS } from "../../testing/test-server.ts";
import { makeCall } from "../../testing/make-call.ts";

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
});
