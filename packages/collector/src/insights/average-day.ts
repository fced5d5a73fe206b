// The app's scale on a quiet day. A weekend or a regional holiday carries a
// fraction of a working day's calls, and a floor set as a share of that day is
// a fraction of the usual floor: three failures of the one person working on a
// Sunday were "1% of the app's usual". A quiet day is not a smaller app, as a
// quiet night is not (see appScaleOf): a day's scale is never below the app's
// average day, its usual week spread over seven days. Each weekday's usual is
// its median over the history, so a runaway loop's day in it does not make the
// app look bigger for a month.
import { median } from "../store/median.ts";
import type { KeyDays } from "./daily-series.ts";
import { weekdayOf } from "./robust-baseline.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";

/** the mean over the weekdays of each one's median day in the `historyDays` before `day` (days without calls count as 0; days before the data began do not count) */
export function averageDay(app: KeyDays, metric: Metric, day: number, historyDays: number): number {
  const spec = METRIC_SPECS[metric];
  const byWeekday: number[][] = Array.from({ length: 7 }, () => []);
  for (let d = Math.max(day - historyDays, app.dataFrom ?? -Infinity); d < day; d++) {
    const row = app.get(d);
    byWeekday[weekdayOf(d)]!.push(row ? (spec.value(row) ?? 0) : 0);
  }
  const usual = byWeekday.filter((values) => values.length).map(median);
  return usual.length ? usual.reduce((a, b) => a + b, 0) / usual.length : 0;
}
