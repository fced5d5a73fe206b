// Day rows per key of one dimension, read through the store's stats (day
// rollups, and the quality rollups where calls were scored): anomaly
// detection and root-cause analysis never scan calls.
import type { CallStore, StatsDimension, StatsRow } from "../store/call-store.ts";
import { dayOf, dayStart } from "../store/time-buckets.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";
import { robustBaseline, type Baseline } from "./robust-baseline.ts";

/** a stats day row, with the mean quality score and how many calls it is over when any were scored */
export type DayRow = StatsRow & { quality?: number; scored?: number };

/**
 * Day number → that day's row for one key. `dataFrom` is the first day the
 * store holds any call of the loaded range: days before it are unknown, not
 * quiet, so a collector a few weeks old does not take its empty past for zeros.
 */
export type KeyDays = Map<number, DayRow> & {
  dataFrom?: number;
  firstSeen?: number;
  /** a day without calls is a day away (a person's vacation), not a quiet day: it is left out of the key's history */
  absentIsAway?: boolean;
};

/** key → its days */
export type DailySeries = Map<string, KeyDays>;

export async function loadDailySeries(store: CallStore, dimension: StatsDimension, fromDay: number, toDay: number): Promise<DailySeries> {
  const range = { groupBy: dimension, period: "day" as const, from: dayStart(fromDay), to: dayStart(toDay + 1) };
  const [rows, quality] = await Promise.all([store.stats(range), store.qualityStats?.(range) ?? []]);
  const series: DailySeries = new Map();
  // every call is under some key of the dimension, so the earliest row of any key is the store's first day in range
  let dataFrom = Infinity;
  for (const row of rows) {
    let days = series.get(row.key);
    if (!days) series.set(row.key, (days = new Map()));
    const day = dayOf(Date.parse(row.period));
    days.set(day, { ...row });
    dataFrom = Math.min(dataFrom, day);
  }
  markDataFrom(series, dataFrom);
  // people take weeks off: a user back from a vacation is judged against her working days
  if (dimension === "user") for (const days of series.values()) days.absentIsAway = true;
  for (const q of quality) {
    const row = series.get(q.key)?.get(dayOf(Date.parse(q.period)));
    if (row && q.average !== undefined && q.scored > 0) (row.quality = q.average), (row.scored = q.scored);
  }
  return series;
}

/**
 * Every key's days start at the store's first day in range; a key first seen
 * later (a new joiner, a new department, a new nightly job) is news on its
 * first day, and from then on is judged against its own days only, so it is
 * not "new" again every day until its zeros leave the window.
 */
export function markDataFrom(series: DailySeries, dataFrom: number): void {
  for (const days of series.values()) {
    days.dataFrom = dataFrom;
    days.firstSeen = Math.min(...days.keys());
  }
}

/**
 * The days a weekday's usual level is read from, where the store holds them: eight weeks. Four of one weekday
 * are too few where a region's public holidays fell on three of them (three Tuesdays off of four make Tuesday
 * look like a weekend, and an ordinary Tuesday +1300 %); of eight, the holidays are the few.
 */
export const PROFILE_DAYS = 56;

/** the calls a day needs before its rate counts as history */
export const MIN_RATE_CALLS = 10;

/** the measure on each history day since the data began (or since the key was first seen); a day without calls counts as 0 for volume measures and is skipped for rates */
export function historyOf(days: KeyDays, metric: Metric, day: number, historyDays: number): { day: number; value: number }[] {
  const spec = METRIC_SPECS[metric];
  const points: { day: number; value: number }[] = [];
  const since = days.firstSeen !== undefined && days.firstSeen < day ? Math.max(days.firstSeen, days.dataFrom ?? -Infinity) : (days.dataFrom ?? -Infinity);
  for (let d = Math.max(day - historyDays, since); d < day; d++) {
    const row = days.get(d);
    // (a key new on the day had no days away before: it was not there)
    if (!row && days.absentIsAway && !(days.firstSeen !== undefined && days.firstSeen >= day)) continue;
    // a rate read from a handful of calls (a weekend, a holiday) is noise, not history
    if (!spec.extensive && (row?.calls ?? 0) < (spec.minCalls ?? MIN_RATE_CALLS)) continue;
    const value = row ? spec.value(row) : spec.extensive ? 0 : undefined;
    if (value !== undefined) points.push({ day: d, value });
  }
  return points;
}

/**
 * The baseline of one key's measure for `day`, from the days before it. The
 * spread never goes below what chance alone gives a series of this many calls
 * (Poisson counts, means of noisy sizes, tail percentiles of few samples), so a
 * small, quiet series cannot raise alarms on noise its history happened not to show.
 */
export function baselineOf(days: KeyDays, metric: Metric, day: number, historyDays: number): Baseline | undefined {
  const spec = METRIC_SPECS[metric];
  const history = historyOf(days, metric, day, historyDays);
  const profileOf = (m: Metric) => historyOf(days, m, day, Math.max(historyDays, PROFILE_DAYS));
  // the calls this weekday usually has: a quiet Sunday is noisier than a busy Monday
  const usualCalls = robustBaseline(historyOf(days, "calls", day, historyDays), day, { seasonal: true, relativeFloor: 0, absoluteFloor: 0, profile: profileOf("calls") });
  // a day's mean quality is as steady as the calls scored that day make it
  const calls = Math.max(1, (metric === "quality" ? days.get(day)?.scored : usualCalls?.expected) ?? 1);
  const base = robustBaseline(history, day, { seasonal: spec.extensive, upperTail: spec.extensive, relativeFloor: relativeFloor(metric, calls), absoluteFloor: 1e-9, ...(spec.extensive ? { profile: profileOf(metric) } : {}) });
  if (base && metric === "errorRate") base.sigma = Math.max(base.sigma, Math.sqrt(Math.max(base.expected * calls, 3)) / calls);
  return base;
}

function relativeFloor(metric: Metric, calls: number): number {
  switch (metric) {
    case "calls":
      return Math.max(0.05, 1 / Math.sqrt(calls));
    // a sum of n calls spreads by √(1 + cv²)/√n of itself, cv being the per-call
    // spread: ~0.8 for token counts, ~1.5 for cost, which also mixes models
    // whose prices differ tenfold
    case "tokens":
      return Math.max(0.05, 1.3 / Math.sqrt(calls));
    case "cost":
    case "cacheWriteTokens":
      return Math.max(0.05, 1.8 / Math.sqrt(calls));
    case "latencyP95":
    case "ttftP95":
      return Math.max(0.05, 1 / Math.sqrt(calls));
    case "quality":
      // a mean of 0–100 scores that spread by ~15 points: ~0.2 relative per call
      return Math.max(0.02, 0.2 / Math.sqrt(calls));
    default:
      return Math.max(0.03, 0.5 / Math.sqrt(calls));
  }
}
