// How much of one day's change in a measure each key of a dimension accounts
// for. Volume measures split additively (a key's own excess over its
// baseline). Rates and percentiles split the classic shift-share way: a key's
// own change at today's share of the calls, plus the shift in its share of
// the calls at its usual level against the usual overall. So a model that
// took over traffic explains a rise in cost per request even though its own
// price did not move, and a busy day for a cheap department does not look
// like a cheaper app.
import { median } from "../store/median.ts";
import { baselineOf, type DailySeries, type DayRow, type KeyDays } from "./daily-series.ts";
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
  /** the key's own robust z-score on the day (absent without a baseline) */
  z?: number;
  /** the spread chance alone gives this key's contribution (0 without a baseline) */
  spread: number;
}

const NUMERATOR: Partial<Record<Metric, (r: DayRow) => number>> = {
  tokensPerRequest: (r) => r.inputTokens + r.outputTokens,
  outputTokensPerRequest: (r) => r.outputTokens,
  costPerRequest: (r) => r.costUSD,
  cachedInputPerRequest: (r) => r.cachedInputTokens ?? 0,
  errorRate: (r) => r.errors,
};

/** the key rows of `series` on `day`, scored against the days before it; totalCalls when keys do not partition the calls */
export function contributionsOf(series: DailySeries, metric: Metric, day: number, historyDays: number, totalCalls?: number): KeyContribution[] {
  const spec = METRIC_SPECS[metric];
  // keys that split the calls sum to the day's calls; error kinds each carry all of them
  const dayCalls = totalCalls ?? [...series.values()].reduce((s, days) => s + (days.get(day)?.calls ?? 0), 0);
  const historyTotal = (part: (r: DayRow) => number) => {
    const totals = new Map<string, number>();
    for (const [key, days] of series) {
      let sum = 0;
      for (let d = day - historyDays; d < day; d++) sum += days.has(d) ? part(days.get(d)!) : 0;
      totals.set(key, sum);
    }
    return totals;
  };
  const numerator = NUMERATOR[metric];
  const sharePart = spec.extensive ? (r: DayRow) => spec.value(r) ?? 0 : (numerator ?? ((r: DayRow) => r.calls));
  const shareBase = historyTotal(sharePart);
  const allBase = [...shareBase.values()].reduce((a, b) => a + b, 0);
  const allToday = [...series.values()].reduce((sum, days) => sum + (days.get(day) ? sharePart(days.get(day)!) : 0), 0);
  const callsBase = historyTotal((r) => r.calls);
  const allCallsBase = [...callsBase.values()].reduce((a, b) => a + b, 0);
  const baselines = new Map([...series].map(([key, days]) => [key, baselineOf(days, metric, day, historyDays)]));
  // the usual overall level, as the call-weighted mix of the keys' usual levels
  let weighted = 0;
  let weight = 0;
  for (const [key, base] of baselines) {
    if (base) (weighted += (callsBase.get(key) ?? 0) * base.expected), (weight += callsBase.get(key) ?? 0);
  }
  const overall = weight > 0 ? weighted / weight : 0;
  // traffic that moved between keys is measured against the traffic it took
  // over (the keys that clearly lost calls today, at their usual level), so a
  // model that replaced a cheaper one carries the rise, not the one it replaced
  const replaced = spec.extensive ? undefined : replacedLevel(series, metric, day, historyDays);
  const mixReference = replaced ?? overall;
  // a key new today is shown against what it replaced, else the dimension's usual
  // with no history at all (a store's first day) keys are set against the day itself: which key stands out in it
  const noHistory = ![...baselines.values()].some(Boolean);
  const usual = spec.extensive
    ? 0
    : noHistory
      ? todayLevel(series, metric, day, numerator)
      : (replaced ?? (numerator ? usualRate(series, numerator, day, historyDays) : usualPercentile(series, metric, day, historyDays)));
  // keys that do not split the calls (error kinds) each carry all of them: no mix to shift
  const mixes = totalCalls === undefined;
  // rates move in their unit; percentiles relative to a level, so a slow
  // model's long tail does not outweigh a fast one's tripling
  const gap = (value: number, reference: number, level: number) => (value - reference) / (numerator ? 1 : Math.max(level, 1e-9));
  const out: KeyContribution[] = [];
  for (const [key, days] of series) {
    const row = days.get(day);
    const base = baselines.get(key);
    const after = row ? spec.value(row) : spec.extensive ? 0 : undefined;
    const before = base?.expected ?? (spec.extensive ? 0 : usual);
    let contribution = 0;
    let spread = 0;
    if (spec.extensive) (contribution = (after ?? 0) - before), (spread = base?.sigma ?? 0);
    else {
      const shareToday = (row?.calls ?? 0) / Math.max(1, dayCalls);
      const shareUsual = allCallsBase > 0 ? (callsBase.get(key) ?? 0) / allCallsBase : 0;
      const level = base?.expected ?? after;
      if (base && after !== undefined) {
        contribution += shareToday * gap(after, base.expected, base.expected);
        spread = shareToday * gap(base.expected + base.sigma, base.expected, base.expected);
      } else if (noHistory && after !== undefined) contribution += shareToday * gap(after, usual, usual);
      if (mixes && level !== undefined && weight > 0 && clearlyShifted(days, day, historyDays)) contribution += (shareToday - shareUsual) * gap(level, mixReference, overall);
    }
    out.push({
      key,
      contribution,
      baselineShare: allBase > 0 ? (shareBase.get(key) ?? 0) / allBase : 0,
      todayShare: allToday > 0 && row ? sharePart(row) / allToday : 0,
      calls: row?.calls ?? 0,
      before,
      after,
      spread,
      ...(base && after !== undefined ? { z: (after - base.expected) / base.sigma } : {}),
    });
  }
  return out;
}

/**
 * Whether a key's calls today are beyond what chance gives its usual count
 * (three Poisson deviations). Shares of the calls wobble a little every day;
 * only a real shift of traffic is credited as one.
 */
function clearlyShifted(days: KeyDays, day: number, historyDays: number): boolean {
  const expected = baselineOf(days, "calls", day, historyDays)?.expected ?? 0;
  return Math.abs((days.get(day)?.calls ?? 0) - expected) > 3 * Math.sqrt(Math.max(1, expected));
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
    if (level === undefined || missing <= 0 || !clearlyShifted(days, day, historyDays)) continue;
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

/** the whole dimension's rate (or median percentile) on the day itself */
function todayLevel(series: DailySeries, metric: Metric, day: number, numerator: ((r: DayRow) => number) | undefined): number {
  const rows = [...series.values()].map((days) => days.get(day)).filter((r): r is DayRow => r !== undefined);
  if (!numerator) return median(rows.map((r) => METRIC_SPECS[metric].value(r)).filter((v): v is number => v !== undefined));
  const calls = rows.reduce((n, r) => n + r.calls, 0);
  return calls > 0 ? rows.reduce((n, r) => n + numerator(r), 0) / calls : 0;
}

/** the whole dimension's rate over the history, for a key too new to have its own */
function usualRate(series: DailySeries, numerator: (r: DayRow) => number, day: number, historyDays: number): number {
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
