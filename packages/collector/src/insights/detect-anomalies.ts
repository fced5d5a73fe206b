// Scores every (dimension, key, measure, day) point against its robust baseline
// and keeps the points far outside it: |score| ≥ threshold and a change big
// enough to matter. Today's volume measures are incomplete until midnight, so
// for the current day they can only be flagged upward.
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { dayLabel, dayOf } from "../store/time-buckets.ts";
import { baselineOf, loadDailySeries } from "./daily-series.ts";
import { METRICS, METRIC_SPECS, type Metric } from "./metrics.ts";
import { median } from "../store/median.ts";

export const ANOMALY_DIMENSIONS = ["all", "prompt", "model", "feature", "department", "user", "provider"] as const satisfies readonly StatsDimension[];

export interface Anomaly {
  /** "all" for the whole app, else the dimension the series is cut by */
  dimension: StatsDimension;
  key: string;
  metric: Metric;
  day: number;
  dayLabel: string;
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
}

export async function detectAnomalies(store: CallStore, query: AnomalyQuery): Promise<Anomaly[]> {
  const historyDays = query.historyDays ?? 28;
  const threshold = query.threshold ?? 6;
  const minCalls = query.minCalls ?? 20;
  const today = dayOf(query.now ?? Date.now());
  const found: Anomaly[] = [];
  for (const dimension of query.dimensions ?? ANOMALY_DIMENSIONS) {
    const series = await loadDailySeries(store, dimension, query.fromDay - historyDays, query.toDay);
    for (const [key, days] of series) {
      if (dimension !== "all" && key === "") continue;
      for (let day = query.fromDay; day <= query.toDay; day++) {
        const row = days.get(day);
        if (!row) continue;
        const typicalCalls = median([...days.entries()].filter(([d]) => d < day && d >= day - historyDays).map(([, r]) => r.calls));
        for (const metric of query.metrics ?? METRICS) {
          const spec = METRIC_SPECS[metric];
          const measured = metric === "quality" ? (row.scored ?? 0) : row.calls;
          if (!spec.extensive && (measured < minCalls || typicalCalls < minCalls)) continue;
          const value = spec.value(row);
          const base = value === undefined ? undefined : baselineOf(days, metric, day, historyDays);
          if (value === undefined || !base || base.samples < historyDays / 2) continue;
          const delta = value - base.expected;
          const score = delta / base.sigma;
          if (Math.abs(score) < threshold) continue;
          if (Math.abs(delta) < Math.max(spec.minRelativeChange * Math.abs(base.expected), spec.minAbsoluteChange)) continue;
          if (spec.extensive && day === today && delta < 0) continue;
          found.push(anomalyOf(dimension, key, metric, day, value, base.expected, score));
        }
      }
    }
  }
  return found.sort((a, b) => b.day - a.day || Math.abs(b.score) - Math.abs(a.score));
}

function anomalyOf(dimension: StatsDimension, key: string, metric: Metric, day: number, value: number, expected: number, score: number): Anomaly {
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
    value,
    expected,
    score: Math.round(score * 10) / 10,
    change,
    message: `${subject}: ${spec.label} ${pct} on ${dayLabel(day)} (${spec.format(value)} against a usual ${spec.format(expected)})`,
  };
}
