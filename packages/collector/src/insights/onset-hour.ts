// The hour a change began, read from the hourly rollups: the first hour of the
// day carrying a tenth of the key's excess over the same hours' usual levels
// (for a rate, its calls times how far the rate moved). A runaway client's
// first call is then its first call in the loop, not the one it made as usual
// at 01:00, and an error burst's is not a stray error of the same kind at dawn.
import type { CallStore } from "../store/call-store.ts";
import { baselineOf, type DailySeries } from "./daily-series.ts";
import { errorKindSeries } from "./error-kind-series.ts";
import { loadHourSlices } from "./hourly-series.ts";
import { isHourlyDimension } from "../store/rollup.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";

/** a key's hour of the day (UTC) the change (a rise for direction 1, a fall for −1) began in; undefined for a dimension without hour rows, or no such change */
export async function onsetHour(store: CallStore, label: string, key: string, metric: Metric, day: number, direction: 1 | -1, historyDays: number): Promise<number | undefined> {
  const dimension = label === "promptId" || label === "fingerprint" ? "prompt" : label === "errorKind" ? "all" : label;
  if (!isHourlyDimension(dimension) || metric === "quality") return undefined;
  const spec = METRIC_SPECS[metric];
  let slices: DailySeries[] = await loadHourSlices(store, dimension, day - historyDays, day);
  if (label === "errorKind") slices = slices.map(errorKindSeries);
  const excess = slices.map((slice) => {
    const days = slice.get(key);
    const row = days?.get(day);
    const value = row && spec.value(row);
    if (!days || !row || value === undefined) return 0;
    const rise = direction * (value - (baselineOf(days, metric, day, historyDays)?.expected ?? 0));
    return Math.max(0, spec.extensive ? rise : row.calls * rise);
  });
  const total = excess.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return undefined;
  const hour = excess.findIndex((e) => e >= total / 10);
  return hour >= 0 ? hour : undefined;
}
