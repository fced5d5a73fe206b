import { describe, expect, it } from "vitest";
import { averageDay } from "./average-day.ts";
import type { DayRow, DailySeries, KeyDays } from "./daily-series.ts";
import { DEFAULT_MATERIALITY } from "./materiality.ts";
import { weekdayOf } from "./robust-baseline.ts";
import { scanSeries, type ScanOptions } from "./scan-series.ts";

const monday = Date.UTC(2026, 0, 5) / 86_400_000;
const row = (calls: number, errors = 0): DayRow => ({ period: "", key: "", calls, errors, errorsByKind: {}, inputTokens: 10 * calls, outputTokens: 0, costUSD: calls / 100 });
const weekend = (day: number) => weekdayOf(day) >= 5;

function keyDays(from: number, to: number, rowOf: (day: number) => DayRow): KeyDays {
  const days: KeyDays = new Map();
  for (let d = from; d <= to; d++) days.set(d, rowOf(d));
  days.dataFrom = from;
  days.firstSeen = from;
  return days;
}

describe("averageDay", () => {
  it("is the usual week spread over seven days: five working days of 1,000 calls and a quiet weekend of 20 make 717", () => {
    const app = keyDays(monday, monday + 27, (d) => row(weekend(d) ? 20 : 1000));
    expect(averageDay(app, "calls", monday + 28, 28)).toBeCloseTo((5 * 1000 + 2 * 20) / 7);
    expect(averageDay(app, "cost", monday + 28, 28)).toBeCloseTo((5 * 10 + 2 * 0.2) / 7);
    // the days before the data began do not count
    expect(averageDay(app, "calls", monday + 2, 28)).toBe(1000);
    // a runaway loop's day of 30,000 calls does not make the app look bigger for a month
    app.set(monday + 15, row(30_000));
    expect(averageDay(app, "calls", monday + 28, 28)).toBeCloseTo((5 * 1000 + 2 * 20) / 7);
  });

  it("keeps a quiet Sunday's floors at the app's average day: three failures of one weekend worker are no incident", () => {
    const sunday = monday + 34;
    expect(weekdayOf(sunday)).toBe(6);
    // the app: 1,000 calls a working day and 250 on a weekend day; one provider's Sunday has 50 calls, 3 of them failed
    const app = keyDays(monday, sunday, (d) => row(weekend(d) ? 250 : 1000, weekend(d) ? 1 : 5));
    const provider = keyDays(monday, sunday, (d) => (d === sunday ? row(50, 3) : row(weekend(d) ? 200 : 800, weekend(d) ? 1 : 4)));
    const series: DailySeries = new Map([["openai", provider]]);
    const scan: ScanOptions = { fromDay: sunday, toDay: sunday, historyDays: 28, threshold: 6, minCalls: 20, now: Infinity, materiality: DEFAULT_MATERIALITY, app, metrics: ["errorRate"] };
    // unusual against the provider's Sundays (0.5%), and 2.75 extra failures are 1.1% of a Sunday's 250 calls
    expect(scanSeries(series, "provider", { ...scan, materiality: { ...DEFAULT_MATERIALITY, errors: 2.75 / 900 } })).toHaveLength(1);
    // but not 1% of the app's average day (893 calls)
    expect(scanSeries(series, "provider", scan)).toEqual([]);
    // 25 failures of those 50 calls are
    provider.set(sunday, row(50, 25));
    expect(scanSeries(series, "provider", scan).map((p) => p.metric)).toEqual(["errorRate"]);
  });
});
