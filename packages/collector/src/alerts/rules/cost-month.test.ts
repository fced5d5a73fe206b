import { afterAll, afterEach, describe, expect, it } from "vitest";
import { costMonthRule } from "./cost-month.ts";
import { alertHarness, type AlertHarness } from "../../testing/alert-harness.ts";
import { dropPostgresTestDatabase, TEST_STORE_KINDS } from "../../testing/test-server.ts";
import { makeCall } from "../../testing/make-call.ts";

let h: AlertHarness;
afterEach(() => h.close());
afterAll(() => dropPostgresTestDatabase());

describe.each(TEST_STORE_KINDS)("cost month over month (%s store)", (kind) => {
  it("fires when this month passes 150% of last month, once per month", async () => {
    h = alertHarness(costMonthRule, {}, kind);
    await h.ingest([makeCall({ startedAt: Date.UTC(2026, 1, 3), costUSD: 60 }), makeCall({ startedAt: Date.UTC(2026, 1, 27), costUSD: 40 })]);
    expect(await h.ingest([makeCall({ startedAt: Date.UTC(2026, 2, 2), costUSD: 140 })])).toEqual([]);
    const [alert] = await h.ingest([makeCall({ startedAt: Date.UTC(2026, 2, 5), costUSD: 20 })]);
    expect(alert).toMatchObject({ kind: "cost_month_over_month", subject: "2026-03", value: 160, baseline: 100, threshold: 1.5 });
    expect(await h.ingest([makeCall({ startedAt: Date.UTC(2026, 2, 9), costUSD: 20 })])).toEqual([]);
  });
});
