// How much of one day's change in a measure each key of a dimension accounts
// for. Volume measures split additively (a key's own excess over its
// baseline); rates split by each key's excess numerator at its usual rate
// (so a shift in traffic mix is not mistaken for a cause); percentiles by each
// key's own shift weighted by its share of calls.
import type { StatsRow } from "../store/call-store.ts";
import { median } from "../store/median.ts";
import { baselineOf, type DailySeries } from "./daily-series.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";

export interface KeyContribution {
  key: string;
  /** this key's part of the change, in the measure's unit */
  contribution: number;
  /** the key's usual share of what the measure is made of (traffic, tokens, cost, errors) */
  baselineShare: number;
  /** the same share on the day */
  todayShare: number;
  /** the key's calls on the day */
  calls: number;
  /** the key's own measure before (baseline, or the dimension's usual for a new key) and on the day */
  before: number | undefined;
  after: number | undefined;
}

const NUMERATOR: Partial<Record<Metric, (r: StatsRow) => number>> = {
  tokensPerRequest: (r) => r.inputTokens + r.outputTokens,
  costPerRequest: (r) => r.costUSD,
  errorRate: (r) => r.errors,
};

/** the key rows of `series` on `day`, scored against the days before it; totalCalls when keys do not partition the calls */
export function contributionsOf(series: DailySeries, metric: Metric, day: number, historyDays: number, totalCalls?: number): KeyContribution[] {
  const spec = METRIC_SPECS[metric];
  // keys that split the calls sum to the day's calls; error kinds each carry all of them
  const dayCalls = totalCalls ?? [...series.values()].reduce((s, days) => s + (days.get(day)?.calls ?? 0), 0);
  const historyTotal = (part: (r: StatsRow) => number) => {
    const totals = new Map<string, number>();
    for (const [key, days] of series) {
      let sum = 0;
      for (let d = day - historyDays; d < day; d++) sum += days.has(d) ? part(days.get(d)!) : 0;
      totals.set(key, sum);
    }
    return totals;
  };
  const numerator = NUMERATOR[metric];
  const shareBase = historyTotal(spec.extensive ? (r) => spec.value(r) ?? 0 : (numerator ?? ((r) => r.calls)));
  const allBase = [...shareBase.values()].reduce((a, b) => a + b, 0);
  const sharePart = spec.extensive ? (r: StatsRow) => spec.value(r) ?? 0 : (numerator ?? ((r: StatsRow) => r.calls));
  const allToday = [...series.values()].reduce((sum, days) => sum + (days.get(day) ? sharePart(days.get(day)!) : 0), 0);
  // a key new today is compared with the traffic it took over (the keys that
  // lost calls today, at their usual level), else with the dimension's usual
  const usual = spec.extensive ? 0 : (replacedLevel(series, metric, day, historyDays) ?? (numerator ? usualRate(series, numerator, day, historyDays) : usualPercentile(series, metric, day, historyDays)));
  const out: KeyContribution[] = [];
  for (const [key, days] of series) {
    const row = days.get(day);
    const base = baselineOf(days, metric, day, historyDays);
    const after = row ? spec.value(row) : spec.extensive ? 0 : undefined;
    const before = base?.expected ?? (spec.extensive ? 0 : usual);
    let contribution = 0;
    if (spec.extensive) contribution = (after ?? 0) - before;
    else if (row && numerator) contribution = (numerator(row) - row.calls * before) / Math.max(1, dayCalls);
    // relative, so a slow model's long tail does not outweigh a fast one's tripling
    else if (row && after !== undefined && before > 0) contribution = (row.calls / Math.max(1, dayCalls)) * (after / before - 1);
    out.push({
      key,
      contribution,
      baselineShare: allBase > 0 ? (shareBase.get(key) ?? 0) / allBase : 0,
      todayShare: allToday > 0 && row ? sharePart(row) / allToday : 0,
      calls: row?.calls ?? 0,
      before,
      after,
    });
  }
  return out;
}

/** the usual level of the calls that went missing today: what a new key replaced, if anything did */
function replacedLevel(series: DailySeries, metric: Metric, day: number, historyDays: number): number | undefined {
  let lost = 0;
  let weighted = 0;
  for (const days of series.values()) {
    const expectedCalls = baselineOf(days, "calls", day, historyDays)?.expected ?? 0;
    const missing = expectedCalls - (days.get(day)?.calls ?? 0);
    const level = baselineOf(days, metric, day, historyDays)?.expected;
    // only a clear loss counts, not a quiet day's noise
    if (level === undefined || missing <= 3 * Math.sqrt(Math.max(1, expectedCalls))) continue;
    lost += missing;
    weighted += missing * level;
  }
  return lost > 0 ? weighted / lost : undefined;
}

function usualPercentile(series: DailySeries, metric: Metric, day: number, historyDays: number): number {
  const values: number[] = [];
  for (const days of series.values()) {
    for (let d = day - historyDays; d < day; d++) {
      const v = days.get(d) && METRIC_SPECS[metric].value(days.get(d)!);
      if (v !== undefined) values.push(v);
    }
  }
  return values.length ? median(values) : 0;
}

/** the whole dimension's rate over the history, for a key too new to have its own */
function usualRate(series: DailySeries, numerator: (r: StatsRow) => number, day: number, historyDays: number): number {
  const rates: number[] = [];
  for (let d = day - historyDays; d < day; d++) {
    let n = 0;
    let calls = 0;
    for (const days of series.values()) {
      const r = days.get(d);
      if (r) (n += numerator(r)), (calls += r.calls);
    }
    if (calls > 0) rates.push(n / calls);
  }
  return rates.length ? median(rates) : 0;
}
