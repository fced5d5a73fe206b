// A provider failing for a few hours: the hourly scan judges one hour against
// the same hour of the weeks before, which says nothing where an hour holds a
// dozen calls (an evening, a small provider), and a burst of three hours is
// lost in its whole day's rate. Here the failures are counted over a few hours
// in a row and set against the series' usual failure rate: thirteen failures
// in 43 calls where one in a hundred fails is not chance. A rate a day's
// scatter can reach still needs to pass the same floors as any point (extra
// failures against the app's usual requests in those hours) and to have
// failed several people: one person's request retried until it gives up fails
// a dozen times in an hour and is her day, not an outage.
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { historyOf, type DailySeries, type DayRow, type KeyDays } from "./daily-series.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import { filtersOf } from "./few-calls.ts";
import { appScaleOf, judged, type ScanOptions } from "./scan-series.ts";
import { windowOf } from "./time-window.ts";
import { leastLikelyRun } from "./least-likely-run.ts";
import { appCallsIn, usualCallsIn, type HoursRun } from "./window-scale.ts";

/** the series whose failures an outage moves: the whole app, a provider, a model */
export const BURST_DIMENSIONS: readonly StatsDimension[] = ["all", "provider", "model"];
/** the longest run of hours read as one burst */
const MAX_HOURS = 4;
/** the chance a window's failures must fall below at the usual rate: with ~100 windows a day and a few dozen series, once in centuries of days */
const CHANCE = 1e-9;
/** the people whose calls failed in the burst, at least */
const MIN_PEOPLE = 3;
/** the usual rate is read high (the upper quartile of the days before): a provider has worse days than its median */
const USUAL_QUANTILE = 0.75;

/** one series' bursts of failures, a point for each day (its least likely run of hours), judged as an hour's points are */
export async function failureBursts(store: CallStore, dimension: StatsDimension, days: DailySeries, slices: readonly DailySeries[], appHours: readonly DailySeries[], scan: ScanOptions): Promise<ScoredPoint[]> {
  if (!BURST_DIMENSIONS.includes(dimension)) return [];
  const found: ScoredPoint[] = [];
  for (const [key, keyDays] of days) {
    if (dimension !== "all" && key === "") continue;
    for (let day = scan.fromDay; day <= scan.toDay; day++) {
      if (!keyDays.get(day)?.errors || !judged(keyDays, "errorRate", day, scan.historyDays)) continue;
      const rate = usualRate(keyDays, day, scan.historyDays);
      const burst = leastLikelyRun(MAX_HOURS, rate, (h) => failuresAt(slices[h]!.get(key)?.get(day)), day, scan.now);
      if (!burst || burst.chance > CHANCE) continue;
      const usual = burst.calls * rate;
      const extra = burst.events - usual;
      const appCalls = appCallsIn(scan, appHours, day, burst);
      const dayCalls = appScaleOf(scan, day, false).calls;
      if (extra / appCalls < scan.materiality.errors) continue;
      if ((await peopleFailed(store, dimension, key, day, burst)) < MIN_PEOPLE) continue;
      const value = burst.events / burst.calls;
      const sigma = Math.sqrt(Math.max(usual, 1)) / burst.calls;
      found.push({
        key,
        metric: "errorRate",
        day,
        hour: burst.hour,
        hours: burst.hours,
        value,
        expected: rate,
        sigma,
        score: (value - rate) / sigma,
        impact: { floor: "errors", amount: extra, share: extra / appCalls, dayShare: dayCalls > 0 ? extra / dayCalls : Infinity },
        usualCalls: usualCallsIn(slices, key, day, burst, scan.historyDays),
      });
    }
  }
  return found;
}

/** the series' failure rate on an ordinary day of the weeks before, read high, and never under a failure a day */
function usualRate(days: KeyDays, day: number, historyDays: number): number {
  const rates = historyOf(days, "errorRate", day, historyDays)
    .map((p) => p.value)
    .sort((a, b) => a - b);
  const calls = historyOf(days, "calls", day, historyDays)
    .map((p) => p.value)
    .sort((a, b) => a - b);
  const dayCalls = calls[Math.floor(calls.length / 2)] ?? 0;
  return Math.max(rates[Math.min(rates.length - 1, Math.floor(rates.length * USUAL_QUANTILE))] ?? 0, dayCalls > 0 ? 1 / dayCalls : 1);
}

const failuresAt = (row: DayRow | undefined) => row && { calls: row.calls, events: row.errors };

/** how many people's calls failed in the burst (a call without a person counts by its session) */
async function peopleFailed(store: CallStore, dimension: StatsDimension, key: string, day: number, burst: HoursRun): Promise<number> {
  const people = new Set<string>();
  for (const filter of filtersOf(dimension, key)) {
    for await (const call of store.iterateCalls({ ...filter, ...windowOf(day, burst.hour, burst.hours) })) {
      if (call.error) people.add(call.tags.userId ?? `session:${call.sessionId}`);
      if (people.size >= MIN_PEOPLE) return people.size;
    }
  }
  return people.size;
}

