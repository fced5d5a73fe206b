import { describe, expect, it } from "vitest";
import type { DayRow } from "./daily-series.ts";
import { impactOf } from "./materiality.ts";

const hourRow: DayRow = { period: "", key: "", calls: 46, errors: 6, errorsByKind: {}, inputTokens: 46_000, outputTokens: 0, costUSD: 1 };
const usualHour = { calls: 36, tokens: 36_000, cost: 0.8 };
const usualDay = { calls: 900, tokens: 900_000, cost: 20 };

describe("impactOf", () => {
  it("weighs an hour's extra requests against the app's day: 33 more in an evening hour are 4% of it, not 92% of the hour", () => {
    const impact = impactOf("calls", hourRow, 33, usualHour, usualDay);
    expect(impact.share).toBeCloseTo(33 / 900);
    expect(impact.dayShare).toBeCloseTo(33 / 900);
  });

  it("weighs an hour's failures against the hour: those requests failed while people waited", () => {
    const impact = impactOf("errorRate", hourRow, 0.1, usualHour, usualDay);
    expect(impact.amount).toBeCloseTo(4.6);
    expect(impact.share).toBeCloseTo(4.6 / 36);
    expect(impact.dayShare).toBeCloseTo(4.6 / 900);
  });
});
