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

  it("prices a broken cache's misses at the full input price, and where the provider bills cache writes, at the write price", () => {
    // 100 calls of 10,000 input tokens, no output, 4,000 of each read from the cache: $3 a million uncached
    const row: DayRow = { period: "", key: "", calls: 100, errors: 0, errorsByKind: {}, inputTokens: 1_000_000, outputTokens: 0, cachedInputTokens: 400_000, costUSD: 0.6 * 3 + 0.4 * 0.3 };
    expect(impactOf("cachedInputPerRequest", row, 1000, usualDay).amount).toBeCloseTo(100 * 1000 * 0.9 * 3e-6);
    // the same day, 100,000 of its uncached tokens written to the cache at 1.25 the price
    const written: DayRow = { ...row, cacheWriteTokens: 100_000, costUSD: row.costUSD + 100_000 * 0.25 * 3e-6 };
    expect(impactOf("cachedInputPerRequest", written, 1000, usualDay).amount).toBeCloseTo(100 * 1000 * 1.15 * 3e-6);
  });
});
