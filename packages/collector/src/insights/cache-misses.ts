// A broken prompt cache on a small prompt: each call either reads its cached
// prefix or pays for it in full (and, where the provider bills cache writes,
// writes it again), so a day's cached input per request swings with a few
// calls and a prompt of fifteen calls a day is not judged by the day rollups
// at all. Read call by call, a break is a run of misses (see miss-run.ts):
// every call from the hour it broke, into the next day until it is fixed,
// longer than any run of the weeks before and too long for the prompt's usual
// hit share to give by chance. A count of the day's hits against the usual
// share took a day of scattered misses on the dearest model (11 hits of 21
// against 85%) for a break, and missed a break that began before a quiet
// afternoon and went on the next morning, split by midnight into two days of
// a few dollars each. The run is reported when the dollars its misses cost
// are material: what the broken cache added to the bill, set against the
// whole app's usual day; a run still going at the day's end on a working
// week of a day of misses, as it goes on costing its rate until it is fixed.
import type { LLMCall } from "@llmscope/core";
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { dayOf, dayStart } from "../store/time-buckets.ts";
import { median } from "../store/median.ts";
import { baselineOf, type DailySeries, type KeyDays } from "./daily-series.ts";
import type { ScoredPoint } from "./detect-anomalies.ts";
import { filtersOf } from "./few-calls.ts";
import { CACHE_READ_PRICE, CACHE_WRITE_PRICE, inputPrice } from "./materiality.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { longestMissRun, missRunChance, missRunInto, runStillGoing, type CacheRead } from "./miss-run.ts";
import { appScaleOf, type ScanOptions } from "./scan-series.ts";

/** a history day read with fewer calls says nothing of the usual hit share */
const MIN_CALLS = 8;
const MAX_READ = 20_000;
/**
 * the chance a run of misses must fall below: once in a few years of one prompt's days. The run's chance is
 * known where a count's tails over heavy-tailed calls are not, and what keeps a small prompt's unlucky day quiet
 * is the floor on the dollars its misses cost
 */
const RUN_CHANCE = 1e-3;

const METRIC = "cachedInputPerRequest";
const answered = (c: LLMCall) => !c.error;
const hit = (c: LLMCall) => (c.usage.cachedInputTokens ?? 0) > 0;

export async function cacheMissPoints(store: CallStore, series: DailySeries, dimension: StatsDimension, scan: ScanOptions): Promise<ScoredPoint[]> {
  if (dimension !== "prompt") return [];
  const spec = METRIC_SPECS[METRIC];
  const found: ScoredPoint[] = [];
  for (const [key, days] of series) {
    if (key === "") continue;
    // the rollups' cached input per request fell by a change worth attention, on the day or on the day before a
    // run of misses went on into; the calls say whether it is a break
    const fell = (day: number) => {
      const row = days.get(day);
      const value = row && spec.value(row);
      const base = value === undefined ? undefined : baselineOf(days, METRIC, day, scan.historyDays);
      return !!base && base.expected - value! >= Math.max(spec.minRelativeChange * base.expected, spec.minAbsoluteChange);
    };
    for (let day = scan.fromDay; day <= scan.toDay; day++) {
      if (!days.get(day)?.calls || !(fell(day) || fell(day - 1))) continue;
      const point = await missRun(store, dimension, key, days, day, scan);
      if (point) found.push(point);
    }
  }
  return found;
}

async function missRun(store: CallStore, dimension: StatsDimension, key: string, days: KeyDays, day: number, scan: ScanOptions): Promise<ScoredPoint | undefined> {
  const calls = await answeredCalls(store, dimension, key, day - scan.historyDays, day);
  // the weeks before the run could begin (the day before today may hold its start)
  const history = calls.filter((c) => dayOf(c.startedAt) < day - 1);
  const perDay = new Map<number, { calls: number; hits: number }>();
  for (const c of history) {
    const d = perDay.get(dayOf(c.startedAt)) ?? { calls: 0, hits: 0 };
    (d.calls += 1), (d.hits += hit(c) ? 1 : 0), perDay.set(dayOf(c.startedAt), d);
  }
  const usualDays = [...perDay.values()].filter((d) => d.calls >= MIN_CALLS);
  if (usualDays.length < scan.historyDays / 4) return undefined;
  const p = median(usualDays.map((d) => d.hits / d.calls));
  const prefix = median(history.filter(hit).map((c) => c.usage.cachedInputTokens!));
  if (!(p > 0) || p >= 1 || !(prefix > 0)) return undefined;
  const readsOf = (list: readonly LLMCall[]): CacheRead[] => list.map((c) => ({ at: c.startedAt, hit: hit(c), extra: hit(c) ? 0 : missExtra(c, prefix) }));
  const recent = readsOf(calls.filter((c) => dayOf(c.startedAt) >= day - 1));
  const run = missRunInto(recent, dayStart(day));
  if (run.length <= longestMissRun(readsOf(history)) || missRunChance(recent.length, p, run.length) > RUN_CHANCE) return undefined;
  const app = appScaleOf(scan, day, false);
  const amount = run.reduce((sum, r) => sum + r.extra, 0);
  const share = app.cost > 0 ? amount / app.cost : Infinity;
  const usualCalls = median(usualDays.map((d) => d.calls));
  // a run the day's last calls are still part of goes on costing its rate until someone fixes it: it is judged on a
  // day of the prompt's usual calls all missing at its misses' mean dollars, over the horizon
  const judged = runStillGoing(run, recent) ? Math.max(amount, (amount / run.length) * usualCalls * scan.materiality.cacheBreakDays) : amount;
  if ((app.cost > 0 ? judged / app.cost : Infinity) < scan.materiality.cost) return undefined;
  const row = days.get(day)!;
  const base = baselineOf(days, METRIC, day, scan.historyDays);
  const value = METRIC_SPECS[METRIC].value(row) ?? 0;
  const expected = base?.expected ?? p * prefix;
  const sigma = base?.sigma || 1;
  return { key, metric: METRIC, day, value, expected, sigma, score: (value - expected) / sigma, impact: { floor: "cost", amount, share, dayShare: share }, usualCalls };
}

/**
 * the dollars a missed call paid for the usual cached prefix beyond reading it from the cache: the prefix at the
 * call's own price of an uncached input token, or where it was written to the cache again, at its write price (read
 * from its total at the usual ratios where the call's cost has no breakdown)
 */
function missExtra(call: LLMCall, prefix: number): number {
  const cost = call.cost;
  if (!cost) return 0;
  const { inputTokens = 0, outputTokens = 0, cachedInputTokens = 0, cacheWriteTokens: written = 0 } = call.usage;
  const uncached = inputTokens - cachedInputTokens - written;
  const unit = uncached > 0 && cost.inputUSD > 0 ? cost.inputUSD / uncached : inputPrice({ inputTokens, outputTokens, cachedInputTokens, cacheWriteTokens: written, costUSD: cost.totalUSD });
  const write = written > 0 ? (cost.cacheWriteUSD ? cost.cacheWriteUSD / written : CACHE_WRITE_PRICE * unit) : unit;
  return Math.min(prefix, inputTokens) * Math.max(0, write - CACHE_READ_PRICE * unit);
}

/** the key's answered calls from `fromDay` to `toDay`, oldest first */
async function answeredCalls(store: CallStore, dimension: StatsDimension, key: string, fromDay: number, toDay: number): Promise<LLMCall[]> {
  for (const filter of filtersOf(dimension, key)) {
    const out: LLMCall[] = [];
    let read = 0;
    for await (const call of store.iterateCalls({ ...filter, from: dayStart(fromDay), to: dayStart(toDay + 1) })) {
      if (++read > MAX_READ) break;
      if (answered(call)) out.push(call);
    }
    if (read) return out.sort((a, b) => a.startedAt - b.startedAt);
  }
  return [];
}
