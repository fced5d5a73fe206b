// The report's anomalies part: the period's days that fell far outside their
// usual range (each day against the 28 days before it, from the day rollups),
// newest first, each with its root-cause sentence and its strongest anomalies.
import type { CallStore, StatsDimension } from "../../store/call-store.ts";
import { detectAnomalies, type Anomaly } from "../../insights/detect-anomalies.ts";
import { explainDay } from "../../insights/explain-day.ts";
import type { Metric } from "../../insights/metrics.ts";

const DAY_MS = 86_400_000;

export interface AnomalyRow {
  dimension: StatsDimension;
  key: string;
  metric: Metric;
  /** hour of the day (UTC) for an anomaly of the hourly series */
  hour?: number;
  value: number;
  expected: number;
  score: number;
  /** relative change; absent for a series new on the day (it would be Infinity, which JSON cannot carry) */
  change?: number;
  message: string;
}

export interface AnomalyDay {
  day: number;
  dayLabel: string;
  /** every anomaly found on the day, listed or not */
  anomalies: number;
  /** the root-cause analysis of the day's headline measure */
  sentence?: string;
  metric?: Metric;
  /** the cause ranked first, and the first call that shows the change */
  cause?: { dimension: string; key: string; share: number };
  firstCallId?: string;
  /** the strongest anomalies (largest |score|) */
  top: AnomalyRow[];
}

export interface AnomalyReport {
  /** newest first, at most the cap */
  days: AnomalyDay[];
  /** anomalous days left out by the cap (the oldest ones) */
  moreDays: number;
  /** days with calls in the 28 before the period's last day: under MIN_HISTORY_DAYS, nothing could be judged */
  historyDays?: number;
}

/** a day is judged against its 28 days before; a baseline needs half of them (see scan-series.ts) */
export const MIN_HISTORY_DAYS = 14;

export interface AnomalyReportOptions {
  /** days explained and listed: each explanation re-reads several rollups (default 10) */
  maxDays?: number;
  /** anomalies listed per day; one incident shows in many series, so a few tell the story (default 5) */
  perDay?: number;
  /** epoch ms; its day's volume counts are incomplete (default Date.now()) */
  now?: number;
}

/** anomalies of the days fromDay..toDay (day numbers, both included) */
export async function buildAnomalyReport(store: CallStore, fromDay: number, toDay: number, options: AnomalyReportOptions = {}): Promise<AnomalyReport> {
  const maxDays = options.maxDays ?? 10;
  const perDay = options.perDay ?? 5;
  if (toDay < fromDay) return { days: [], moreDays: 0 };
  const historyDays = await daysWithCalls(store, toDay - 28, toDay);
  if (historyDays < MIN_HISTORY_DAYS) return { days: [], moreDays: 0, historyDays };
  const found = await detectAnomalies(store, { fromDay, toDay, now: options.now ?? Date.now() });
  const byDay = new Map<number, Anomaly[]>();
  for (const a of found) byDay.set(a.day, [...(byDay.get(a.day) ?? []), a]);
  // grouped and ordered here rather than trusting detectAnomalies' output order
  const newestFirst = [...byDay.keys()].sort((a, b) => b - a);
  const days: AnomalyDay[] = [];
  for (const day of newestFirst.slice(0, maxDays)) {
    const anomalies = byDay.get(day)!.sort((a, b) => Math.abs(b.score) - Math.abs(a.score));
    const rca = await explainDay(store, anomalies);
    const first = rca?.causes[0];
    days.push({
      day,
      dayLabel: anomalies[0]!.dayLabel,
      anomalies: anomalies.length,
      ...(rca ? { sentence: rca.sentence, metric: rca.metric } : {}),
      ...(first ? { cause: { dimension: first.dimension, key: first.key, share: first.share } } : {}),
      ...(rca?.firstCall ? { firstCallId: rca.firstCall.id } : {}),
      top: anomalies.slice(0, perDay).map(rowOf),
    });
  }
  return { days, moreDays: newestFirst.length - days.length, historyDays };
}

async function daysWithCalls(store: CallStore, fromDay: number, toDay: number): Promise<number> {
  const rows = await store.stats({ groupBy: "all", period: "day", from: fromDay * DAY_MS, to: (toDay + 1) * DAY_MS });
  return rows.filter((r) => r.calls > 0).length;
}

/** the line a report shows when no day stood out: why, when too little history was there to judge */
export function quietLine(a: AnomalyReport): string {
  if (a.historyDays !== undefined && a.historyDays < MIN_HISTORY_DAYS) {
    return `Not judged yet: a day is judged against the days before it, and that needs ${MIN_HISTORY_DAYS} days with calls; there ${a.historyDays === 1 ? "is 1" : `are ${a.historyDays}`} so far.`;
  }
  return "Every day stayed within its usual range.";
}

function rowOf(a: Anomaly): AnomalyRow {
  const { dimension, key, metric, hour, value, expected, score, change, message } = a;
  return { dimension, key, metric, ...(hour !== undefined ? { hour } : {}), value, expected, score, ...(Number.isFinite(change) ? { change } : {}), message };
}

/** "1 anomaly" / "3 anomalies" — only the last word takes the plural */
export function plural(n: number, word: string): string {
  if (n === 1) return `${n} ${word}`;
  return `${n} ${word.endsWith("y") && !/[aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}

/** a robust z-score with its sign: "+45.1", "−7.2" */
export function signedScore(score: number): string {
  return `${score >= 0 ? "+" : "−"}${Math.abs(score).toFixed(1)}`;
}

/** the line under a day's list and under the section, when the caps left things out */
export const moreAnomalies = (day: AnomalyDay) => day.anomalies - day.top.length;
export const moreDaysLine = (a: AnomalyReport) => `${plural(a.moreDays, "more anomalous day")} before these, not listed`;
