// Error kinds are not a rollup dimension; each "all" day row carries its
// errors by kind, so a per-kind series is cut from those rows.
import type { StatsRow } from "../store/call-store.ts";
import type { DailySeries } from "./daily-series.ts";

export function errorKindSeries(all: DailySeries): DailySeries {
  const series: DailySeries = new Map();
  for (const [day, row] of all.get("") ?? new Map<number, StatsRow>()) {
    for (const [kind, errors] of Object.entries(row.errorsByKind)) {
      let days = series.get(kind);
      if (!days) series.set(kind, (days = new Map()));
      days.set(day, { period: row.period, key: kind, calls: row.calls, inputTokens: 0, outputTokens: 0, costUSD: 0, errors, errorsByKind: { [kind]: errors } });
    }
  }
  // a kind absent on a day had no errors that day, though the day had calls
  for (const days of series.values()) {
    for (const [day, row] of all.get("") ?? []) {
      if (!days.has(day)) days.set(day, { period: row.period, key: "", calls: row.calls, inputTokens: 0, outputTokens: 0, costUSD: 0, errors: 0, errorsByKind: {} });
    }
  }
  return series;
}
