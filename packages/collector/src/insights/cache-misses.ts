// A broken prompt cache on a small prompt: each call either reads its cached
// prefix or pays for it in full (and, where the provider bills cache writes,
// writes it again), so a day's cached input per request swings with a few
// calls and a prompt of fifteen calls a day is not judged by the day rollups
// at all. Read call by call it is a count: of the day's calls, how many hit
// the cache, against the share that hit on the days before. A day whose hits
// fall that far short (in binomial sigmas, widened by however much more the
// daily shares of its history spread than chance alone) is reported when the
// dollars the misses cost are material: what the broken cache adds to a
// day's bill, set against the whole app's usual cost.
import type { LLMCall } from "@llmscope/core";
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { dayOf, dayStart } from "../store/time-buckets.ts";
import { median } from "../store/median.ts";
import { baselineOf, type DailySeries, type KeyDays } from "./daily-series.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import { filtersOf } from "./few-calls.ts";
import { impactOf } from "./materiality.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { appScaleOf, type ScanOptions } from "./scan-series.ts";

/** a day read with fewer calls says nothing of its hit share */
const MIN_CALLS = 8;
/** 1.4826 × MAD estimates a normal distribution's standard deviation */
const MAD_TO_SIGMA = 1.4826;
const MAX_READ = 20_000;
/**
 * the part of the detector's threshold a shortfall of hits must reach: a count of hits has a binomial tail, which is
 * known (three sigmas of it, one-sided, is chance once in ~700 days), where the threshold's six robust sigmas stand in
 * for the unknown tails of a day's mean over heavy-tailed calls; what keeps a small prompt's unlucky day quiet is
 * the floor on the dollars its misses cost
 */
const COUNT_THRESHOLD = 0.5;

const METRIC = "cachedInputPerRequest";
const answered = (c: LLMCall) => !c.error;
const hit = (c: LLMCall) => (c.usage.cachedInputTokens ?? 0) > 0;

interface DayHits {
  calls: number;
  hits: number;
}

export async function cacheMissPoints(store: CallStore, series: DailySeries, dimension: StatsDimension, scan: ScanOptions): Promise<ScoredPoint[]> {
  if (dimension !== "prompt") return [];
  const found: ScoredPoint[] = [];
  for (const [key, days] of series) {
    if (key === "") continue;
    for (let day = scan.fromDay; day <= scan.toDay; day++) {
      const row = days.get(day);
      const value = row && row.calls >= MIN_CALLS ? METRIC_SPECS[METRIC].value(row) : undefined;
      const base = value === undefined ? undefined : baselineOf(days, METRIC, day, scan.historyDays);
      // the rollups' cached input per request fell by a change worth attention; the calls say whether it is more than chance
      if (value === undefined || !base || base.expected - value < Math.max(METRIC_SPECS[METRIC].minRelativeChange * base.expected, METRIC_SPECS[METRIC].minAbsoluteChange)) continue;
      const point = await missedHits(store, dimension, key, days, day, value, scan);
      if (point) found.push(point);
    }
  }
  return found;
}

async function missedHits(store: CallStore, dimension: StatsDimension, key: string, days: KeyDays, day: number, value: number, scan: ScanOptions): Promise<ScoredPoint | undefined> {
  const byDay = await hitsByDay(store, dimension, key, day - scan.historyDays, day);
  const today = byDay.get(day);
  const history = [...byDay.entries()].filter(([d, h]) => d < day && h.calls >= MIN_CALLS).map(([, h]) => h);
  if (!today || today.calls < MIN_CALLS || history.length < scan.historyDays / 4) return undefined;
  const p = median(history.map((h) => h.hits / h.calls));
  if (!(p > 0) || p >= 1) return undefined;
  // how far the history's own days stray from its usual share, in binomial sigmas: more than 1 where hits come in runs
  const strays = history.map((h) => (h.hits / h.calls - p) / Math.sqrt((p * (1 - p)) / h.calls));
  const centre = median(strays);
  const spread = Math.max(1, MAD_TO_SIGMA * median(strays.map((s) => Math.abs(s - centre))));
  const expectedHits = p * today.calls;
  const sigma = Math.sqrt(today.calls * p * (1 - p)) * spread;
  const score = -(expectedHits - today.hits) / sigma;
  if (-score < scan.threshold * COUNT_THRESHOLD) return undefined;
  const row = days.get(day)!;
  const expected = baselineOf(days, METRIC, day, scan.historyDays)!.expected;
  const impact = impactOf(METRIC, row, expected - value, appScaleOf(scan, day, false));
  if (impact.share < scan.materiality.cost) return undefined;
  return { key, metric: METRIC, day, value, expected, sigma: (expected * sigma) / Math.max(expectedHits, 1e-9), score, impact, usualCalls: median(history.map((h) => h.calls)) };
}

/** the key's answered calls and those that read the cache, per day from `fromDay` to `toDay` */
async function hitsByDay(store: CallStore, dimension: StatsDimension, key: string, fromDay: number, toDay: number): Promise<Map<number, DayHits>> {
  const out = new Map<number, DayHits>();
  for (const filter of filtersOf(dimension, key)) {
    let read = 0;
    for await (const call of store.iterateCalls({ ...filter, from: dayStart(fromDay), to: dayStart(toDay + 1) })) {
      if (++read > MAX_READ) break;
      if (!answered(call)) continue;
      const d = dayOf(call.startedAt);
      const h = out.get(d) ?? { calls: 0, hits: 0 };
      h.calls++;
      if (hit(call)) h.hits++;
      out.set(d, h);
    }
    if (read) return out;
  }
  return out;
}
