// Ranks the dimensions by how much of a day's change each explains, each
// offering its sharpest key (see bestKey). For a change only the hourly series
// show, the same ranking runs on that hour of each day, over the dimensions
// rolled up per hour.
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { dayLabel } from "../store/time-buckets.ts";
import { contributionsOf, type KeyContribution } from "./contributions.ts";
import { keyParents, shareInside, type KeyParents, type ParentDimension } from "./key-parents.ts";
import { NESTING, rankCauses } from "./rank-causes.ts";
import { baselineOf, loadDailySeries, type DailySeries } from "./daily-series.ts";
import { hoursTogether, loadHourSlices } from "./hourly-series.ts";
import { isHourlyDimension } from "../store/rollup.ts";
import { windowOf } from "./time-window.ts";
import { onsetHour } from "./onset-hour.ts";
import { errorKindSeries } from "./error-kind-series.ts";
import { firstChangedCall, type FirstCall } from "./first-changed-call.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";
import { rootCauseSentence } from "./rca-sentence.ts";

export const RCA_DIMENSIONS = ["prompt", "model", "feature", "department", "user", "provider", "errorKind"] as const;
export type RcaDimension = (typeof RCA_DIMENSIONS)[number];

export interface Cause extends KeyContribution {
  /** "promptId" or "fingerprint" for the prompt dimension, else the dimension */
  dimension: string;
  /** fraction of the change this key accounts for (0..1 for keys moving the same way) */
  share: number;
  /** share − baselineShare: how much more of the change than of the usual traffic this key carries */
  score: number;
}

export interface RootCause {
  metric: Metric;
  day: number;
  dayLabel: string;
  /** the hour of the day (UTC) analysed, when the change was read from the hourly series */
  hour?: number;
  /** the hours in a row from `hour` analysed together, where more than one */
  hours?: number;
  before: number;
  after: number;
  change: number;
  /** the whole app's robust z-score for this measure on the day */
  score: number;
  /** the best key of each dimension, best first */
  causes: Cause[];
  firstCall?: FirstCall;
  sentence: string;
}

export interface RootCauseQuery {
  metric: Metric;
  day: number;
  /** analyse this hour of the day against the same hour of the days before */
  hour?: number;
  /** and the hours after it with it, this many in all (a burst of a few hours) */
  hours?: number;
  historyDays?: number;
}

export async function analyzeRootCause(store: CallStore, query: RootCauseQuery): Promise<RootCause> {
  const historyDays = query.historyDays ?? 28;
  const { metric, day, hour, hours = 1 } = query;
  const from = day - historyDays;
  const window = windowOf(day, hour, hours);
  /** the dimension's series: whole days, or the analysed hour of each day; undefined where no hourly rollup exists */
  const load = async (dimension: StatsDimension): Promise<DailySeries | undefined> => {
    if (hour === undefined) return loadDailySeries(store, dimension, from, day);
    return isHourlyDimension(dimension) ? hoursTogether(await loadHourSlices(store, dimension, from, day), hour, hours) : undefined;
  };
  const all = (await load("all"))!;
  const allDays = all.get("") ?? new Map();
  const after = (allDays.get(day) && METRIC_SPECS[metric].value(allDays.get(day)!)) ?? 0;
  const baseline = baselineOf(allDays, metric, day, historyDays);
  const before = baseline?.expected ?? 0;
  const direction = after >= before ? 1 : -1;
  const promptIds = new Set((await loadDailySeries(store, "promptId", day, day)).keys());
  const causes: Cause[] = [];
  const contributions = new Map<string, KeyContribution[]>();
  const label = (dimension: string, key: string) => (dimension === "prompt" ? (promptIds.has(key) ? "promptId" : "fingerprint") : dimension);
  for (const dimension of RCA_DIMENSIONS) {
    if (dimension === "errorKind" && metric !== "errorRate") continue;
    const series = dimension === "errorKind" ? errorKindSeries(all) : await load(dimension);
    if (!series) continue;
    const totalCalls = dimension === "errorKind" ? allDays.get(day)?.calls : undefined;
    const keys = contributionsOf(series, metric, day, historyDays, totalCalls);
    contributions.set(dimension, keys);
    const best = bestKey(keys, direction);
    if (best) causes.push({ ...best, dimension: label(dimension, best.key) });
  }
  // where the keys sit, read only for dimensions whose best key has a container among the causes
  const parents = new Map<string, Map<string, KeyParents>>();
  const inside = new Map<string, Partial<Record<ParentDimension, number>>>();
  for (const [dimension, containers] of Object.entries(NESTING)) {
    const best = causes.find((c) => c.dimension === label(dimension, c.key));
    const present = containers.filter((p) => causes.some((c) => c.dimension === p));
    if (!best || !present.length) continue;
    const keys = (contributions.get(dimension) ?? []).filter((k) => k.calls > 0).map((k) => ({ dimension: label(dimension, k.key), key: k.key, calls: k.calls }));
    const found = await keyParents(store, keys, window);
    parents.set(dimension, found);
    const shares: Partial<Record<ParentDimension, number>> = {};
    for (const p of present) {
      const parentKey = causes.find((c) => c.dimension === p)!.key;
      if (found.get(best.key)?.[p] === parentKey) shares[p] = await shareInside(store, best, p, parentKey, window);
    }
    inside.set(dimension, shares);
  }
  const ranked = rankCauses(causes, { metric, direction, contributions, parents, inside });
  const top = ranked[0];
  // a volume change is looked for from the hour it began in
  const onset = top && hour === undefined ? await onsetHour(store, top.dimension, top.key, metric, day, direction, historyDays) : undefined;
  const searched = onset !== undefined ? { ...window, from: windowOf(day, onset).from } : window;
  const firstCall = top ? await firstChangedCall(store, top, metric, searched) : undefined;
  const result: RootCause = {
    metric,
    day,
    dayLabel: dayLabel(day),
    ...(hour !== undefined ? { hour } : {}),
    ...(hour !== undefined && hours > 1 ? { hours } : {}),
    before,
    after,
    change: before !== 0 ? (after - before) / Math.abs(before) : 0,
    score: baseline ? Math.round(((after - before) / baseline.sigma) * 10) / 10 : 0,
    causes: ranked,
    sentence: "",
    ...(firstCall ? { firstCall } : {}),
  };
  result.sentence = rootCauseSentence(result);
  return result;
}

/**
 * The key of one dimension that explains the change most sharply: its share
 * of the change minus its usual share. A key that carries the whole change
 * but is usually a small part of the traffic beats a broad one that merely
 * contains it (the feature a changed prompt belongs to also "explains" it).
 */
function bestKey(contributions: KeyContribution[], direction: number): Omit<Cause, "dimension"> | undefined {
  const moving = contributions.filter((c) => c.key !== "");
  const total = moving.reduce((s, c) => s + Math.max(0, direction * c.contribution), 0);
  if (!(total > 0)) return undefined;
  let best: Omit<Cause, "dimension"> | undefined;
  for (const c of moving) {
    const share = (direction * c.contribution) / total;
    const score = share - c.baselineShare;
    if (!best || score > best.score) best = { ...c, share, score };
  }
  return best;
}

