// The history a baseline is built from starts where the data starts: the
// empty weeks before a collector's first call are unknown, not quiet days.
import { describe, expect, it } from "vitest";
import type { DayRow, KeyDays } from "./daily-series.ts";
import { baselineOf, historyOf } from "./daily-series.ts";

const row = (calls: number): DayRow => ({ key: "", period: "", calls, inputTokens: calls * 100, outputTokens: calls * 50, costUSD: calls / 1000, errors: 0, errorsByKind: {} });

function days(from: number, to: number, dataFrom?: number): KeyDays {
  const map: KeyDays = new Map();
  for (let d = from; d <= to; d++) map.set(d, row(400));
  if (dataFrom !== undefined) map.dataFrom = dataFrom;
  return map;
}

describe("daily history", () => {
  it("counts a day without calls as zero volume only after the data began", () => {
    const known = days(100, 119, 100);
    expect(historyOf(known, "calls", 120, 28)).toHaveLength(20);
    expect(baselineOf(known, "calls", 120, 28)!.expected).toBe(400);
    // without a known start the missing days are quiet days, as for a key that is new in the store
    const unknown = days(100, 119);
    expect(historyOf(unknown, "calls", 120, 28)).toHaveLength(28);
    expect(historyOf(unknown, "calls", 120, 28).filter((p) => p.value === 0)).toHaveLength(8);
  });
});
