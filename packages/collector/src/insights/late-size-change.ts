// A prompt edited late in the day (its input tripled from 18:00) moves its
// day's mean size per request by the evening's share of the calls only, and
// the rare huge input keeps the day means wide apart: the day stays short of
// the threshold. From the hour the change began the prompt's calls all
// moved, so a prompt's day whose mean moved by a change worth attention is
// read again from each hour on: the median size of the calls since then (a
// median, as one pasted log moves a mean of thirty calls) set against the
// medians of the same hours on the days before. The day stands when, from
// the hour it stands out most, it is as far out of those days as the
// threshold asks, was not so the days before, and its extra tokens are material.
import type { LLMCall } from "@llmscope/core";
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { dayOf, dayStart, HOUR_MS } from "../store/time-buckets.ts";
import { median } from "../store/median.ts";
import { baselineOf, type DailySeries, type DayRow } from "./daily-series.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import { filtersOf } from "./few-calls.ts";
import { impactOf } from "./materiality.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";
import { robustBaseline } from "./robust-baseline.ts";
import { appScaleOf, type ScanOptions } from "./scan-series.ts";

const METRIC: Metric = "tokensPerRequest";
const tokensOf = (c: LLMCall) => (c.usage.inputTokens ?? 0) + (c.usage.outputTokens ?? 0);
/** days whose mean moved beyond its usual spread are read again: an evening's change moves the day's mean by a sigma or two of a spread the rare huge inputs widen */
const NEAR_SIGMAS = 1;
/** a median of fewer calls says little, and a window from the day's start is the day, which the day means judge */
const MIN_CALLS = 8;
/** a median of n sizes that spread like token counts (~0.8 of their level) moves by ~1.25 × 0.8 / √n of itself by chance */
const relativeFloor = (calls: number) => Math.max(0.03, 1 / Math.sqrt(calls));
const MAX_READ = 20_000;
/** the evenings before that a held change is looked for in */
const RECENT = 3;

export async function lateSizePoints(store: CallStore, series: DailySeries, dimension: StatsDimension, scan: ScanOptions): Promise<ScoredPoint[]> {
  if (dimension !== "prompt") return [];
  const spec = METRIC_SPECS[METRIC];
  const found: ScoredPoint[] = [];
  for (const [key, days] of series) {
    if (key === "") continue;
    for (let day = scan.fromDay; day <= scan.toDay; day++) {
      const row = days.get(day);
      const value = row && row.calls >= scan.minCalls ? spec.value(row) : undefined;
      const base = value === undefined ? undefined : baselineOf(days, METRIC, day, scan.historyDays);
      if (value === undefined || !base) continue;
      // a day moved by a change worth attention, beyond chance but short of the threshold (the scan judged it at full strength)
      const score = (value - base.expected) / base.sigma;
      if (score < NEAR_SIGMAS || score >= scan.threshold || value - base.expected < spec.minRelativeChange * base.expected) continue;
      const point = { key, metric: METRIC, day, value, expected: base.expected, sigma: base.sigma, score, usualCalls: row!.calls, impact: impactOf(METRIC, row!, value - base.expected, appScaleOf(scan, day, false)) };
      const read = await fromOnset(store, dimension, point, row!, scan);
      if (read) found.push(read);
    }
  }
  return found;
}

async function fromOnset(store: CallStore, dimension: StatsDimension, point: ScoredPoint, row: DayRow, scan: ScanOptions): Promise<ScoredPoint | undefined> {
  const byDay = await sizesByDay(store, dimension, point.key, point.day - scan.historyDays, point.day);
  const spec = METRIC_SPECS[METRIC];
  let best: ScoredPoint | undefined;
  // the hour the change began is the one from which the calls since stand out most
  for (let onset = 0; onset < 24; onset++) {
    const since = (day: number) => (byDay.get(day) ?? []).filter((c) => c.hour >= onset).map((c) => c.size);
    const today = since(point.day);
    if (today.length < MIN_CALLS) break;
    const history: { day: number; value: number }[] = [];
    for (let d = point.day - scan.historyDays; d < point.day; d++) {
      const sizes = since(d);
      if (sizes.length >= MIN_CALLS) history.push({ day: d, value: median(sizes) });
    }
    if (history.length < scan.historyDays / 4) continue;
    const base = robustBaseline(history, point.day, { seasonal: false, relativeFloor: relativeFloor(today.length), absoluteFloor: 1e-9 });
    const value = median(today);
    if (!base || value - base.expected < Math.max(spec.minRelativeChange * base.expected, spec.minAbsoluteChange)) continue;
    const score = (value - base.expected) / base.sigma;
    // a change that held since the evenings before (a prompt edited last week, a drift) is its new level, not news again
    if (score < scan.threshold || history.slice(-RECENT).some((h) => h.value - base.expected >= (scan.threshold / 2) * base.sigma)) continue;
    // the calls since, each bigger by the medians' difference: the extra tokens the change made today
    const impact = impactOf(METRIC, { ...row, calls: today.length }, value - base.expected, appScaleOf(scan, point.day, false));
    if (impact.share >= scan.materiality.tokens && (!best || score > best.score)) best = { ...point, score, impact };
  }
  return best;
}

/** the key's answered calls of each day, as their hour of the day and size */
async function sizesByDay(store: CallStore, dimension: StatsDimension, key: string, fromDay: number, toDay: number): Promise<Map<number, { hour: number; size: number }[]>> {
  const out = new Map<number, { hour: number; size: number }[]>();
  for (const filter of filtersOf(dimension, key)) {
    let read = 0;
    for await (const call of store.iterateCalls({ ...filter, from: dayStart(fromDay), to: dayStart(toDay + 1) })) {
      if (++read > MAX_READ) break;
      if (call.error) continue;
      const day = dayOf(call.startedAt);
      (out.get(day) ?? out.set(day, []).get(day)!).push({ hour: Math.floor((call.startedAt - dayStart(day)) / HOUR_MS), size: tokensOf(call) });
    }
    if (read) return out;
  }
  return out;
}
