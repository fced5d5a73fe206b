// The app's scale on a quiet day. A weekend or a regional holiday carries a
// fraction of a working day's calls, and a floor set as a share of that day is
// a fraction of the usual floor: three failures of the one person working on a
// Sunday were "1% of the app's usual". A quiet day is not a smaller app, as a
// quiet night is not (see appScaleOf): a day's scale is never below the app's
// average day over the history.
import type { KeyDays } from "./daily-series.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";

/** the app's mean day of an extensive measure over the `historyDays` before `day` (days without calls count as 0; days before its data began do not count) */
export function averageDay(app: KeyDays, metric: Metric, day: number, historyDays: number): number {
  const spec = METRIC_SPECS[metric];
  const from = Math.max(day - historyDays, app.dataFrom ?? -Infinity);
  let [sum, days] = [0, 0];
  for (let d = from; d < day; d++, days++) {
    const row = app.get(d);
    sum += row ? (spec.value(row) ?? 0) : 0;
  }
  return days > 0 ? sum / days : 0;
}
