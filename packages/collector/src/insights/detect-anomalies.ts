// Scores every (dimension, key, measure, day) point against its robust baseline
// and keeps the points far outside it in the direction that is bad news
// (|score| ≥ threshold) whose absolute impact is material to the whole app
// (see materiality.ts). The dimensions rolled up per hour are also scored hour
// by hour against the same hour of the weeks before, which catches what is too
// short to move a whole day (a two-hour error burst) and judges today's
// finished hours before the day is over.
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { dayLabel } from "../store/time-buckets.ts";
import { loadDailySeries, PROFILE_DAYS, type DailySeries } from "./daily-series.ts";
import { loadHourSlices } from "./hourly-series.ts";
import { isHourlyDimension } from "../store/rollup.ts";
import { hourSpan } from "./time-window.ts";
import { METRIC_SPECS, metricLabel, type Metric } from "./metrics.ts";
import { DEFAULT_MATERIALITY, type Impact, type Materiality } from "./materiality.ts";
import { judgedBaseline, scanSeries, type ScanOptions } from "./scan-series.ts";
import { carriedByFewCalls, type SizePoint } from "./few-calls.ts";
import { oneOrdinaryPerson, type OrdinaryDay } from "./one-person.ts";
import { materialSlowdown } from "./slowed-people.ts";
import { carriedByYoungKeys, newKeysOf, type NewKeys } from "./young-keys.ts";
import { cacheMissPoints } from "./cache-misses.ts";
import { lateSizePoints } from "./late-size-change.ts";
import { sizePointsReadAgain } from "./lasting-size.ts";
import { movedWithPrompts } from "./moved-with-prompts.ts";
import { movedWithMix } from "./mixed-calls.ts";
import { aJoinersDay } from "./newcomer.ts";
import { manyOrdinaryPeople } from "./busy-hour.ts";
import { movedWithHeldPrompts } from "./held-prompts.ts";
import { snapshotTakeovers } from "./snapshot-takeover.ts";
import { failureBursts } from "./failure-burst.ts";
import { slowSpells } from "./slow-spell.ts";

export const ANOMALY_DIMENSIONS = ["all", "prompt", "model", "responseModel", "feature", "department", "user", "provider"] as const satisfies readonly StatsDimension[];

export { HOURLY_METRICS } from "./scan-series.ts";

export interface Anomaly {
  /** "all" for the whole app, else the dimension the series is cut by */
  dimension: StatsDimension;
  key: string;
  metric: Metric;
  day: number;
  dayLabel: string;
  /** hour of the day (UTC, 0–23) for a point of the hourly series; absent for a whole day */
  hour?: number;
  /** the hours in a row from `hour` the point is read over, where more than one (a burst of failures) */
  hours?: number;
  value: number;
  expected: number;
  /** (value − expected) / robust sigma */
  score: number;
  /** (value − expected) / expected */
  change: number;
  /** what the change adds in absolute terms, and its share of the app's usual level */
  impact: Impact;
  /** the series' usual calls in the window (0 for a key new that day): how narrow it is */
  usualCalls: number;
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
  /** the floors an anomaly's impact must pass, as shares of the app's usual level (see DEFAULT_MATERIALITY) */
  materiality?: Partial<Materiality>;
}

export async function detectAnomalies(store: CallStore, query: AnomalyQuery): Promise<Anomaly[]> {
  const historyDays = query.historyDays ?? 28;
  const dimensions = query.dimensions ?? ANOMALY_DIMENSIONS;
  const from = query.fromDay - historyDays;
  // the days are read from further back, for the weekday profile (see PROFILE_DAYS); the hours from the history's start
  const daysFrom = query.fromDay - Math.max(historyDays, PROFILE_DAYS);
  const app = await loadDailySeries(store, "all", daysFrom, query.toDay);
  const scan: ScanOptions = {
    ...query,
    historyDays,
    threshold: query.threshold ?? 6,
    minCalls: query.minCalls ?? 20,
    now: query.now ?? Date.now(),
    materiality: { ...DEFAULT_MATERIALITY, ...query.materiality },
    app: app.get("") ?? new Map(),
  };
  const found: Anomaly[] = [];
  const loaded: [StatsDimension, DailySeries][] = [];
  const newKeys: NewKeys = new Map();
  for (const dimension of dimensions) {
    const series = dimension === "all" ? app : await loadDailySeries(store, dimension, daysFrom, query.toDay);
    loaded.push([dimension, series]);
    newKeysOf(dimension, series, newKeys);
  }
  const prompts = loaded.find(([d]) => d === "prompt")?.[1];
  /** a point that is news of its own: not a few huge calls, not the days-old news of a key that appeared this week, not a person's prompts moving for everyone, not another mix of the same calls, not a joiner's first day, not a prompt's level told before */
  const ownNews = async (dimension: StatsDimension, point: ScoredPoint, trimmed = false) =>
    (trimmed || !(await carriedByFewCalls(store, dimension, point, scan.threshold))) &&
    !(await carriedByYoungKeys(store, dimension, point, scan.threshold, newKeys)) &&
    !(await movedWithPrompts(store, dimension, point, scan.threshold, prompts, historyDays)) &&
    !(await movedWithMix(store, dimension, point, scan.threshold)) &&
    !(await aJoinersDay(store, dimension, point, scan)) &&
    !(await movedWithHeldPrompts(store, dimension, point, scan, prompts));
  for (const [dimension, series] of loaded) {
    for (const point of scanSeries(series, dimension, scan)) {
      const kept = await confirmed(store, dimension, point, scan);
      if (kept && (await ownNews(dimension, kept))) found.push(anomalyOf(dimension, kept));
    }
    // a prompt's size per request that a few huge inputs a day hide or carry: its days read again without them
    const told = new Set(found.map(pointId));
    /** a point read again, kept once and when news of its own (read without the day's largest calls, it is not carried by them) */
    const tell = async (point: ScoredPoint, trimmed: boolean) => {
      const id = pointId({ dimension, ...point });
      if (told.has(id) || !(await ownNews(dimension, point, trimmed))) return;
      found.push(anomalyOf(dimension, point));
      told.add(id);
    };
    // and one that moved and stayed: under the day's floors, but its extra is paid every day from now on
    const again = await sizePointsReadAgain(store, series, dimension, scan);
    for (const point of again.trimmed) await tell(point, true);
    for (const { point, trimmed } of again.lasting) await tell(point, trimmed);
    // a prompt edited late in the day, read from the hour it changed; a small prompt's broken cache, read call by call
    for (const point of [...(await lateSizePoints(store, series, dimension, scan)), ...(await cacheMissPoints(store, series, dimension, scan))]) {
      if (!told.has(pointId({ dimension, ...point }))) found.push(anomalyOf(dimension, point));
    }
  }
  // a new served snapshot that took over a model's calls late in its first day, under the floors of the day's totals;
  // whoever happened to make its first calls, it answers everyone's from now on, so no person's day explains it away
  const tookOver = new Set<string>();
  const snapshotDay = (a: { key: string; day: number }) => `${a.key}\u0000${a.day}`;
  const served = loaded.find(([d]) => d === "responseModel")?.[1];
  if (served) {
    const models = loaded.find(([d]) => d === "model")?.[1] ?? (await loadDailySeries(store, "model", daysFrom, query.toDay));
    const told = new Set(found.filter((a) => a.dimension === "responseModel").map(snapshotDay));
    for (const point of await snapshotTakeovers(store, served, models, scan)) {
      tookOver.add(snapshotDay(point));
      if (!told.has(snapshotDay(point))) found.push(anomalyOf("responseModel", point));
    }
  }
  if (query.hourly !== false) {
    // an hour adds news only where its whole day was not flagged already; of a burst's hours the strongest speaks for it
    const daily = new Set(found.map(pointId));
    const strongest = new Map<string, Anomaly>();
    const appHours = await loadHourSlices(store, "all", from, query.toDay);
    for (const dimension of dimensions.filter(isHourlyDimension)) {
      const slices = dimension === "all" ? appHours : await loadHourSlices(store, dimension, from, query.toDay);
      for (const [hour, slice] of slices.entries()) {
        const inHour = { ...scan, appHour: appHours[hour]!.get("") ?? new Map() };
        for (const point of scanSeries(slice, dimension, inHour, hour)) {
          const id = pointId({ dimension, ...point });
          const held = strongest.get(id);
          if (daily.has(id) || (held && Math.abs(point.score) <= Math.abs(held.score))) continue;
          const kept = await confirmed(store, dimension, point, scan);
          if (kept && !(await carriedByYoungKeys(store, dimension, kept, scan.threshold, newKeys))) strongest.set(id, anomalyOf(dimension, kept));
        }
      }
      // failures, or slow calls, a few hours in a row hold, too few in any one hour to judge it by
      const days = loaded.find(([d]) => d === dimension)?.[1];
      const runs = days ? [...(await failureBursts(store, dimension, days, slices, appHours, scan)), ...(await slowSpells(store, dimension, days, slices, appHours, scan))] : [];
      for (const point of runs) {
        const id = pointId({ dimension, ...point });
        if (daily.has(id) || strongest.has(id)) continue;
        const kept = await confirmed(store, dimension, point, scan);
        if (kept) strongest.set(id, anomalyOf(dimension, kept));
      }
    }
    found.push(...strongest.values());
  }
  const flaggedUsers = new Set(found.filter((a) => a.dimension === "user").map((a) => `${a.key}\u0000${a.day}`));
  const unflagged: OrdinaryDay = (user, day) => !flaggedUsers.has(`${user}\u0000${day}`);
  // the whole app goes quiet for one person only where her own day was judged and found usual (also when only the
  // whole app is asked for): one too new to judge who carries every narrower series (a loop started by a joiner) is
  // left to the whole app's point, whose explanation names her; an hour's point, only where her hour holds no more
  // than her usual day's work (a power user's busy hour; a loop's hour holds days of it)
  let users = loaded.find(([d]) => d === "user")?.[1];
  const known: OrdinaryDay = async (user, day, metric, carried, hour) => {
    users ??= await loadDailySeries(store, "user", daysFrom, query.toDay);
    const days = users.get(user);
    const base = judgedBaseline(days, metric, day, historyDays);
    if (!days || !base) return false;
    if (hour !== undefined) return carried <= base.expected;
    return !scanSeries(new Map([[user, days]]), "user", { ...scan, fromDay: day, toDay: day, metrics: [metric] }).length;
  };
  const kept: Anomaly[] = [];
  const ordinaryPeople = async (a: Anomaly) => (await oneOrdinaryPerson(store, a.dimension, a, a.dimension === "all" ? known : unflagged)) || (await manyOrdinaryPeople(store, a, known));
  for (const a of found) if ((a.dimension === "responseModel" && tookOver.has(snapshotDay(a))) || !(await ordinaryPeople(a))) kept.push(a);
  return kept.sort((a, b) => b.day - a.day || b.impact.share - a.impact.share);
}

/** a percentile point stands when the calls slower than usual are more than chance gives, and those calls, or the people who waited, are material */
async function confirmed(store: CallStore, dimension: StatsDimension, point: ScoredPoint, scan: ScanOptions): Promise<ScoredPoint | undefined> {
  const impact = await materialSlowdown(store, dimension, point, scan);
  if (impact === undefined) return point;
  return impact ? { ...point, impact } : undefined;
}

const pointId = (a: Pick<Anomaly, "dimension" | "key" | "metric" | "day">) => `${a.dimension}\u0000${a.key}\u0000${a.metric}\u0000${a.day}`;

/** a series point scored against its baseline: the point carriedByFewCalls reads, and what makes it an anomaly */
export interface ScoredPoint extends SizePoint {
  score: number;
  impact: Impact;
  usualCalls: number;
}

function anomalyOf(dimension: StatsDimension, { key, metric, day, value, expected, score, hour, hours, impact, usualCalls }: ScoredPoint): Anomaly {
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
    ...(hours !== undefined && hours > 1 ? { hours } : {}),
    value,
    expected,
    score: Math.round(score * 10) / 10,
    change,
    impact,
    usualCalls,
    message: `${subject}: ${metricLabel(metric, hour)} ${pct} ${hour !== undefined ? `at ${hourSpan(hour, hours)} ` : ""}on ${dayLabel(day)} (${spec.format(value)} against a usual ${spec.format(expected)}; ${impactText(impact)})`,
  };
}

const IMPACT_UNIT: Record<Impact["floor"], (n: number) => string> = {
  calls: (n) => `${Math.round(n).toLocaleString("en-US")} extra requests`,
  tokens: (n) => `${Math.round(n).toLocaleString("en-US")} extra tokens`,
  cost: (n) => `$${n.toFixed(2)} extra`,
  affected: (n) => `${Math.round(n).toLocaleString("en-US")} requests affected`,
  errors: (n) => `${Math.round(n).toLocaleString("en-US")} extra failures`,
};

const impactText = (i: Impact) => `${IMPACT_UNIT[i.floor](i.amount)}, ${Number.isFinite(i.share) ? `${Math.round(i.share * 100)}%` : "all"} of the app's usual`;
