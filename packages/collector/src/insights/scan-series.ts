// The points of one dimension's series (whole days, or one hour of each day)
// that are unusual in the bad direction, material to the whole app, and not
// merely a change that has already held for days.
import type { StatsDimension } from "../store/call-store.ts";
import { dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { median } from "../store/median.ts";
import { baselineOf, type DailySeries, type DayRow, type KeyDays } from "./daily-series.ts";
import { impactOf, type AppScale, type Materiality } from "./materiality.ts";
import { METRICS, METRIC_SPECS, type Metric } from "./metrics.ts";
import { sustainedLevel } from "./sustained-level.ts";
import { averageDay } from "./average-day.ts";
import type { Baseline } from "./robust-baseline.ts";
import type { AnomalyQuery, ScoredPoint } from "./detect-anomalies.ts";

/**
 * The measures judged per hour: the ones a short incident moves (an error
 * burst, a slow provider, a flood of requests). An hour's tokens and cost hang
 * on its few largest calls, so they are left to the day, where a prompt change
 * or model switch shows anyway.
 */
export const HOURLY_METRICS: readonly Metric[] = ["calls", "latencyP95", "ttftP95", "errorRate"];
/** an hour's request count is judged only where it is not made by people, whose hours are bursty by nature */
const HOURLY_CALLS_DIMENSIONS: readonly StatsDimension[] = ["all", "provider"];
/**
 * A person's day varies by about half its level (meetings, deadlines), and
 * multiplicatively: a busy day is a factor of the usual, and a few times the
 * usual is an ordinary busy day now and then. So a user's volume is not judged
 * more finely than that, on either scale.
 */
const PERSON_SPREAD = 0.5;
/** and one person's day is news at twice the floors of a prompt's or a model's: people are heavy-tailed, a few make most of the calls */
export const PERSON_FLOOR = 2;
/** a person's history is her working days: a few weeks of them make a baseline, however many days she was away */
const MIN_WORKING_DAYS = 5;

export type ScanOptions = Required<Pick<AnomalyQuery, "fromDay" | "toDay" | "historyDays" | "threshold" | "minCalls" | "now">> &
  Pick<AnomalyQuery, "metrics"> & {
    materiality: Materiality;
    /** the whole app's days, and for an hourly scan its days at that hour: the scale impact is measured against */
    app: KeyDays;
    appHour?: KeyDays;
  };

const enoughHistory = (days: KeyDays, base: Baseline, historyDays: number) => base.samples >= (days.absentIsAway ? MIN_WORKING_DAYS : historyDays / 2);

/** a key's baseline for its measure on `day`, where it has history enough to be judged at all */
export function judgedBaseline(days: KeyDays | undefined, metric: Metric, day: number, historyDays: number): Baseline | undefined {
  const base = days && baselineOf(days, metric, day, historyDays);
  return days && base && enoughHistory(days, base, historyDays) ? base : undefined;
}

/** whether a key's measure has history enough on `day` to be judged at all */
export const judged = (days: KeyDays | undefined, metric: Metric, day: number, historyDays: number): boolean => !!judgedBaseline(days, metric, day, historyDays);

/** the calls a measure is taken over: scored calls for quality, streamed calls for time to first token */
function measuredCalls(metric: Metric, row: DayRow): number {
  if (metric === "quality") return row.scored ?? 0;
  if (metric === "ttftP95") return row.streamed ?? row.calls;
  return row.calls;
}

/** the app's usual requests, tokens and dollars on a day (never below its average day: a quiet weekend is not a smaller app), or in an hour (never below an average hour of that day: nor is a quiet night) */
export function appScaleOf(q: ScanOptions, day: number, hourly: boolean): AppScale {
  const usual = (days: KeyDays, metric: Metric) => baselineOf(days, metric, day, q.historyDays)?.expected ?? 0;
  const scale = (days: KeyDays) => ({ calls: usual(days, "calls"), tokens: usual(days, "tokens"), cost: usual(days, "cost") });
  const typical = (metric: Metric) => Math.max(usual(q.app, metric), averageDay(q.app, metric, day, q.historyDays));
  const whole = { calls: typical("calls"), tokens: typical("tokens"), cost: typical("cost") };
  if (!hourly || !q.appHour) return whole;
  const hour = scale(q.appHour);
  const average = { calls: whole.calls / 24, tokens: whole.tokens / 24, cost: whole.cost / 24 };
  return { calls: Math.max(hour.calls, average.calls), tokens: Math.max(hour.tokens, average.tokens), cost: Math.max(hour.cost, average.cost) };
}

export function scanSeries(series: DailySeries, dimension: StatsDimension, q: ScanOptions, hour?: number): ScoredPoint[] {
  const found: ScoredPoint[] = [];
  const scales = new Map<number, { window: AppScale; day: AppScale }>();
  for (const [key, days] of series) {
    if (dimension !== "all" && key === "") continue;
    for (let day = q.fromDay; day <= q.toDay; day++) {
      const row = days.get(day);
      if (!row) continue;
      // an hour still under way is not judged
      if (hour !== undefined && dayStart(day) + (hour + 1) * HOUR_MS > q.now) continue;
      const typicalCalls = median([...days.entries()].filter(([d]) => d < day && d >= day - q.historyDays).map(([, r]) => r.calls));
      // an hour's rates are judged only where it usually has traffic enough to say anything; a quiet hour's (a
      // night's) requests are judged against an average hour of the day at least: a loop started at 02:00 makes
      // hundreds of calls in an hour nobody watches, and a night's stray call is no usual level
      const quiet = hour !== undefined && typicalCalls < q.minCalls;
      const isNew = days.firstSeen === day && (days.dataFrom ?? day) < day;
      for (const metric of q.metrics ?? METRICS) {
        if (hour !== undefined && (!HOURLY_METRICS.includes(metric) || (metric === "calls" && !HOURLY_CALLS_DIMENSIONS.includes(dimension)))) continue;
        if (quiet && metric !== "calls") continue;
        const spec = METRIC_SPECS[metric];
        const needed = Math.max(q.minCalls, spec.minCalls ?? 0);
        if (!spec.extensive && (measuredCalls(metric, row) < needed || typicalCalls < needed)) continue;
        const value = spec.value(row);
        const base = value === undefined ? undefined : baselineOf(days, metric, day, q.historyDays);
        if (value === undefined || !base || !enoughHistory(days, base, q.historyDays)) continue;
        if (dimension === "user" && spec.extensive) base.sigma = Math.max(base.sigma, PERSON_SPREAD * base.expected);
        if (quiet) base.expected = Math.max(base.expected, appScaleOf(q, day, true).calls);
        const delta = value - base.expected;
        // only bad news is reported: a quiet holiday, a user on vacation or a faster provider is nobody's incident
        // (so today's volume, incomplete until midnight, is judged only upward)
        if (delta * spec.worse <= 0) continue;
        const person = dimension === "user" && spec.extensive && base.expected > 0;
        const score = person ? Math.min(delta / base.sigma, Math.log(value / base.expected) / PERSON_SPREAD) : delta / base.sigma;
        if (Math.abs(score) < q.threshold) continue;
        if (Math.abs(delta) < Math.max(spec.minRelativeChange * Math.abs(base.expected), spec.minAbsoluteChange)) continue;
        let scale = scales.get(day);
        if (!scale) scales.set(day, (scale = { window: appScaleOf(q, day, hour !== undefined), day: appScaleOf(q, day, false) }));
        const impact = impactOf(metric, row, Math.abs(delta), scale.window, scale.day);
        const floor = Math.max(q.materiality[impact.floor] * (dimension === "user" ? PERSON_FLOOR : 1), isNew && dimension === "user" ? q.materiality.newKey : 0);
        if (impact.share < floor) continue;
        const held = sustainedLevel(days, metric, day, q.historyDays, base, spec.worse, needed, q.threshold);
        if (held && (Math.abs(value - held.expected) < Math.max(q.threshold * held.sigma, spec.minRelativeChange * Math.abs(held.expected)) || (value - held.expected) * spec.worse <= 0)) continue;
        found.push({ key, metric, day, ...(hour !== undefined ? { hour } : {}), value, expected: base.expected, sigma: base.sigma, ...(held ? { held: { expected: held.expected, sigma: held.sigma } } : {}), score, impact, usualCalls: isNew ? 0 : typicalCalls });
      }
    }
  }
  return found;
}
