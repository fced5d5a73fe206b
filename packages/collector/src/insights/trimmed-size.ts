// A prompt's size per request is a day's mean over its calls, and where
// people now and then paste a whole log or contract (one call in two hundred,
// at fifteen to thirty-five times the usual size) the day means swing with
// those few calls: the baseline's spread is wide, and a real change (an edited
// prompt tripling its input from mid-afternoon) can stay inside it. So a
// prompt's per-request point that is material but short of the threshold is
// read again with every day, its history's and its own, trimmed of its few
// largest calls (as carriedByFewCalls reads a flagged point): the point stands
// when the trimmed day is as far out of the trimmed history as the threshold
// asks.
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import type { LLMCall } from "@llmscope/core";
import type { DailySeries, KeyDays } from "./daily-series.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import { filtersOf } from "./few-calls.ts";
import type { Metric } from "./metrics.ts";
import { robustBaseline } from "./robust-baseline.ts";
import { scanSeries, type ScanOptions } from "./scan-series.ts";
import { windowOf } from "./time-window.ts";

/** the measures a prompt's own shape moves, as each call's amount of which the day's mean per request is taken */
const AMOUNT: Partial<Record<Metric, (c: LLMCall) => number>> = {
  tokensPerRequest: (c) => (c.usage.inputTokens ?? 0) + (c.usage.outputTokens ?? 0),
  outputTokensPerRequest: (c) => c.usage.outputTokens ?? 0,
  costPerRequest: (c) => c.cost?.totalUSD ?? 0,
};
const PER_REQUEST = Object.keys(AMOUNT) as Metric[];
/** the largest calls of each day left out, as carriedByFewCalls does */
const FEW = 3;
/** points at this part of the threshold are read again; below it even a trimmed reading rarely gets there */
const NEAR = 1 / 3;
/** a day's trimmed mean over fewer calls says nothing */
const MIN_CALLS = 10;
/** the trimmed mean's spread is never below what chance gives a mean of this many calls (as baselineOf allows a rate) */
const relativeFloor = (calls: number) => Math.max(0.03, 0.5 / Math.sqrt(calls));
const MAX_READ = 5_000;

export async function trimmedSizePoints(store: CallStore, series: DailySeries, dimension: StatsDimension, scan: ScanOptions): Promise<ScoredPoint[]> {
  if (dimension !== "prompt") return [];
  const near = scanSeries(series, dimension, { ...scan, threshold: scan.threshold * NEAR, metrics: PER_REQUEST });
  const found: ScoredPoint[] = [];
  for (const point of near) {
    if (Math.abs(point.score) >= scan.threshold) continue;
    const score = await trimmedScore(store, dimension, point, series.get(point.key), scan.historyDays);
    if (score !== undefined && score >= scan.threshold) found.push({ ...point, score });
  }
  return found;
}

/** the trimmed day's distance from its trimmed history, in that history's robust sigmas */
async function trimmedScore(store: CallStore, dimension: StatsDimension, point: ScoredPoint, days: KeyDays | undefined, historyDays: number): Promise<number | undefined> {
  const amount = AMOUNT[point.metric];
  // a prompt key is its promptId where the app names its prompts, else a fingerprint
  const filter = (await Promise.all(filtersOf(dimension, point.key).map(async (f) => ((await store.count({ ...f, ...windowOf(point.day) })) > 0 ? f : undefined)))).find(Boolean);
  if (!amount || !filter || !days) return undefined;
  const trimmedMean = async (day: number): Promise<number | undefined> => {
    const amounts: number[] = [];
    for await (const call of store.iterateCalls({ ...filter, ...windowOf(day) })) {
      amounts.push(amount(call));
      if (amounts.length >= MAX_READ) break;
    }
    if (amounts.length < MIN_CALLS + FEW) return undefined;
    const rest = amounts.sort((a, b) => b - a).slice(FEW);
    return rest.reduce((s, v) => s + v, 0) / rest.length;
  };
  const today = await trimmedMean(point.day);
  if (today === undefined) return undefined;
  const history: { day: number; value: number }[] = [];
  for (let d = point.day - historyDays; d < point.day; d++) {
    if ((days.get(d)?.calls ?? 0) < MIN_CALLS + FEW) continue;
    const value = await trimmedMean(d);
    if (value !== undefined) history.push({ day: d, value });
  }
  if (history.length < historyDays / 2) return undefined;
  const base = robustBaseline(history, point.day, { seasonal: false, relativeFloor: relativeFloor(days.get(point.day)?.calls ?? 1), absoluteFloor: 1e-9 });
  return base ? (today - base.expected) / base.sigma : undefined;
}
