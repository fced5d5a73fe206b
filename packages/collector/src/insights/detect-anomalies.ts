// Scores every (dimension, key, measure, day) point against its robust baseline
// and keeps the points far outside it: |score| ≥ threshold and a change big
// enough to matter. Today's volume measures are incomplete until midnight, so
// for the current day they can only be flagged upward. The dimensions rolled
// up per hour are also scored hour by hour against the same hour of the weeks
// before, which catches what is too short to move a whole day (a two-hour
// error burst) and judges today's finished hours before the day is over.
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { dayLabel, dayOf, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { baselineOf, loadDailySeries, type DailySeries } from "./daily-series.ts";
import { loadHourSlices } from "./hourly-series.ts";
import { isHourlyDimension } from "../store/rollup.ts";
import { hourSpan } from "./time-window.ts";
import { METRICS, METRIC_SPECS, metricLabel, type Metric } from "./metrics.ts";
import { median } from "../store/median.ts";

export const ANOMALY_DIMENSIONS = ["all", "prompt", "model", "feature", "department", "user", "provider"] as const satisfies readonly StatsDimension[];

/**
 * The measures judged per hour: the ones a short incident moves (an error
 * burst, a slow provider, a flood of requests). An hour's tokens and cost hang
 * on its few largest calls, so they are left to the day, where a prompt change
 * or model switch shows anyway.
 */
export const HOURLY_METRICS: readonly Metric[] = ["calls", "latencyP95", "ttftP95", "errorRate"];

export interface Anomaly {
  /** "all" for the whole app, else the dimension the series is cut by */
  dimension: StatsDimension;
  key: string;
  metric: Metric;
  day: number;
  dayLabel: string;
  /** hour of the day (UTC, 0–23) for a point of the hourly series; absent for a whole day */
  hour?: number;
  value: number;
  expected: number;
  /** (value − expected) / robust sigma */
  score: number;
  /** (value − expected) / expected */
  change: number;
  message: string;
}

export interface AnomalyQuery {
  fromDay: number;
  toDay: number;
  dimensions?: readonly StatsDimension[];
  metrics?: readonly Metric[];
  /** history days each baseline is built from (default 28: four of each weekday) */
  historyDays?: number;
  /** robust z-score a point must reach (default 6) */
  threshold?: number;
  /** rates need this many calls a day to be judged (default 20) */
  minCalls?: number;
  /** epoch ms; the day containing it is treated as incomplete (default Date.now()) */
  now?: number;
  /** also score the hourly series (default true) */
  hourly?: boolean;
}

export async function detectAnomalies(store: CallStore, query: AnomalyQuery): Promise<Anomaly[]> {
  const historyDays = query.historyDays ?? 28;
  const dimensions = query.dimensions ?? ANOMALY_DIMENSIONS;
  const scan = { ...query, historyDays, threshold: query.threshold ?? 6, minCalls: query.minCalls ?? 20, now: query.now ?? Date.now() };
  const found: Anomaly[] = [];
  for (const dimension of dimensions) {
    found.push(...scanSeries(await loadDailySeries(store, dimension, query.fromDay - historyDays, query.toDay), dimension, scan));
  }
  if (query.hourly !== false) {
    // an hour adds news only where its whole day was not flagged already; of a burst's hours the strongest speaks for it
    const daily = new Set(found.map(pointId));
    const strongest = new Map<string, Anomaly>();
    for (const dimension of dimensions.filter(isHourlyDimension)) {
      const slices = await loadHourSlices(store, dimension, query.fromDay - historyDays, query.toDay);
      slices.forEach((slice, hour) => {
        for (const a of scanSeries(slice, dimension, scan, hour)) {
          const id = pointId(a);
          const held = strongest.get(id);
          if (!daily.has(id) && (!held || Math.abs(a.score) > Math.abs(held.score))) strongest.set(id, a);
        }
      });
    }
    found.push(...strongest.values());
  }
  return found.sort((a, b) => b.day - a.day || Math.abs(b.score) - Math.abs(a.score));
}

const pointId = (a: Anomaly) => `${a.dimension}\u0000${a.key}\u0000${a.metric}\u0000${a.day}`;

type ScanOptions = Required<Pick<AnomalyQuery, "fromDay" | "toDay" | "historyDays" | "threshold" | "minCalls" | "now">> & Pick<AnomalyQuery, "metrics">;

/** the anomalous points of one dimension's series: whole days, or the given hour of each day */
function scanSeries(series: DailySeries, dimension: StatsDimension, q: ScanOptions, hour?: number): Anomaly[] {
  const today = dayOf(q.now);
  const found: Anomaly[] = [];
  for (const [key, days] of series) {
    if (dimension !== "all" && key === "") continue;
    for (let day = q.fromDay; day <= q.toDay; day++) {
      const row = days.get(day);
      if (!row) continue;
      // an hour still under way is not judged
      if (hour !== undefined && dayStart(day) + (hour + 1) * HOUR_MS > q.now) continue;
      const typicalCalls = median([...days.entries()].filter(([d]) => d < day && d >= day - q.historyDays).map(([, r]) => r.calls));
      // an hour is judged only where it usually has traffic enough to say anything
      if (hour !== undefined && typicalCalls < q.minCalls) continue;
      for (const metric of q.metrics ?? METRICS) {
        if (hour !== undefined && !HOURLY_METRICS.includes(metric)) continue;
        const spec = METRIC_SPECS[metric];
        const measured = metric === "quality" ? (row.scored ?? 0) : row.calls;
        const needed = Math.max(q.minCalls, spec.minCalls ?? 0);
        if (!spec.extensive && (measured < needed || typicalCalls < needed)) continue;
        const value = spec.value(row);
        const base = value === undefined ? undefined : baselineOf(days, metric, day, q.historyDays);
        if (value === undefined || !base || base.samples < q.historyDays / 2) continue;
        const delta = value - base.expected;
        const score = delta / base.sigma;
        if (Math.abs(score) < q.threshold) continue;
        if (Math.abs(delta) < Math.max(spec.minRelativeChange * Math.abs(base.expected), spec.minAbsoluteChange)) continue;
        if (spec.extensive && hour === undefined && day === today && delta < 0) continue;
        found.push(anomalyOf(dimension, key, metric, day, value, base.expected, score, hour));
      }
    }
  }
  return found;
}

function anomalyOf(dimension: StatsDimension, key: string, metric: Metric, day: number, value: number, expected: number, score: number, hour?: number): Anomaly {
  const spec = METRIC_SPECS[metric];
  const change = expected !== 0 ? (value - expected) / Math.abs(expected) : Infinity;
  const subject = dimension === "all" ? "all calls" : `${dimension}=${key}`;
  const pct = Number.isFinite(change) ? `${change >= 0 ? "+" : ""}${Math.round(change * 100)}%` : "new";
  return {
    dimension,
    key,
    metric,
    day,
    dayLabel: dayLabel(day),
    ...(hour !== undefined ? { hour } : {}),
    value,
    expected,
    score: Math.round(score * 10) / 10,
    change,
    message: `${subject}: ${metricLabel(metric, hour)} ${pct} ${hour !== undefined ? `at ${hourSpan(hour)} ` : ""}on ${dayLabel(day)} (${spec.format(value)} against a usual ${spec.format(expected)})`,
  };
}
