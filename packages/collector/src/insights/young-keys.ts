// A new key — a department onboarding, a snapshot the provider now serves
// under an alias, a joiner, a nightly job's service user — is news on the day
// it appears. In the days after, it goes on feeding the series it is part of
// (the whole app, its model, its provider, its hours), whose baselines predate
// it, and each of them would call it news again while its own series is too
// young to be judged. So a point is read again without the calls of the keys
// first seen in the week before its day, and dropped when what is left is
// within its usual range: that change was reported when it appeared. Where the
// rest moved too (a prompt change served partly by the new snapshot), the
// point stands.
import type { LLMCall } from "@llmscope/core";
import type { CallFilter, CallStore, StatsDimension } from "../store/call-store.ts";
import { dayStart } from "../store/time-buckets.ts";
import { promptKeyOf } from "../store/call-row.ts";
import type { DailySeries, KeyDays } from "./daily-series.ts";
import { CALL_MEASURES, filtersOf, stillUnusual, type SizePoint } from "./few-calls.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";
import { excessOverChance, SLOW_CALL_TIME } from "./slow-calls.ts";
import { addToRate, type RateSum } from "./rate-sums.ts";
import { windowOf } from "./time-window.ts";

/** days a key stays young: until it has been seen on each weekday */
const YOUNG_DAYS = 7;
const MAX_READ = 20_000;
/** a young key's volume may grow to this multiple of its busiest day so far and still be settling in */
const SETTLING = 2;

const KEY_OF: Partial<Record<StatsDimension, (c: LLMCall) => string | undefined>> = {
  prompt: promptKeyOf,
  model: (c) => c.model ?? c.responseModel,
  responseModel: (c) => c.responseModel,
  feature: (c) => c.tags.feature,
  department: (c) => c.tags.department,
  user: (c) => c.tags.userId,
  provider: (c) => c.provider,
};

/** dimension → key → its days, for the keys that appeared after the data began */
export type NewKeys = Map<StatsDimension, Map<string, KeyDays>>;

export function newKeysOf(dimension: StatsDimension, series: DailySeries, into: NewKeys): void {
  const keys = new Map<string, KeyDays>();
  for (const [key, days] of series) if (key !== "" && days.firstSeen !== undefined && days.firstSeen > (days.dataFrom ?? -Infinity)) keys.set(key, days);
  into.set(dimension, keys);
}

/**
 * Whether a young key behaves on `day` as it has since it appeared, by its own
 * series: a rate within the measure's smallest change worth attention of its
 * level so far, a volume within twice its busiest day so far (new people take
 * a few days to start). A flood or a change inside a young key is news; a
 * percentile it has not yet had calls enough to read has no level to change.
 */
function settling(days: KeyDays, metric: Metric, day: number): boolean {
  const spec = METRIC_SPECS[metric];
  const today = days.get(day);
  const now = today && spec.value(today);
  if (now === undefined) return true;
  const before = [...days].filter(([d]) => d < day);
  if (!before.length) return false;
  if (spec.extensive) return now <= SETTLING * Math.max(...before.map(([, r]) => spec.value(r) ?? 0));
  // a percentile read from fewer calls than it is judged on (a snapshot's first evening) is no level to depart from,
  // nor is the key's first day: it appeared part way through it, and an evening's p95 (its regions, its features) is
  // not a whole day's
  const read = before.filter(([d, r]) => r.calls >= (spec.minCalls ?? 0) && !(spec.minCalls !== undefined && d === days.firstSeen));
  const weighed = read.map(([, r]) => [spec.value(r), r.calls] as const).filter((x): x is readonly [number, number] => x[0] !== undefined);
  const calls = weighed.reduce((n, [, c]) => n + c, 0);
  if (!calls) return spec.minCalls !== undefined;
  const usual = weighed.reduce((n, [v, c]) => n + v * c, 0) / calls;
  return spec.worse * (now - usual) <= spec.minRelativeChange * Math.abs(usual);
}

/** whether the point is that week's news going on: usual without the calls of keys young on its day, and those keys settling */
export async function carriedByYoungKeys(store: CallStore, dimension: StatsDimension, point: SizePoint, threshold: number, newKeys: NewKeys): Promise<boolean> {
  const measure = CALL_MEASURES[point.metric];
  // a percentile's rest is read as the detector reads a percentile: its calls slower than the usual p95, against chance
  const time = SLOW_CALL_TIME[point.metric];
  if (!measure && !time) return false;
  const young: [(c: LLMCall) => string | undefined, Map<string, KeyDays>][] = [];
  for (const [d, keys] of newKeys) {
    const keyOf = KEY_OF[d];
    const inWeek = new Map([...keys].filter(([k, days]) => days.firstSeen! < point.day && days.firstSeen! >= point.day - YOUNG_DAYS && !(d === dimension && k === point.key)));
    if (keyOf && inWeek.size) young.push([keyOf, inWeek]);
  }
  if (!young.length) return false;
  const hit = new Set<KeyDays>();
  const youngDays = (c: LLMCall) => {
    for (const [keyOf, keys] of young) {
      const days = keys.get(keyOf(c) ?? "");
      if (days) return days;
    }
    return undefined;
  };
  for (const filter of filtersOf(dimension, point.key)) {
    let [amount, per, read, timed, slow] = [0, 0, 0, 0, 0];
    /** a young key's timed and slow calls in the window, for a percentile; its amount and count, for a rate */
    const youngTimes = new Map<KeyDays, { timed: number; slow: number }>();
    const youngRates = new Map<KeyDays, RateSum>();
    for await (const call of store.iterateCalls({ ...filter, ...windowOf(point.day, point.hour, point.hours) })) {
      if (++read >= MAX_READ) return false;
      const days = youngDays(call);
      const t = time?.(call);
      if (days) hit.add(days);
      if (days && measure?.per) addToRate(youngRates, days, measure.amount(call), measure.per(call));
      if (days && !measure && t !== undefined) {
        const own = youngTimes.get(days) ?? { timed: 0, slow: 0 };
        youngTimes.set(days, { timed: own.timed + 1, slow: own.slow + (t > point.expected ? 1 : 0) });
      } else if (days) continue;
      else if (measure) (amount += measure.amount(call)), (per += measure.per?.(call) ?? 0);
      else if (t !== undefined) timed++, (slow += t > point.expected ? 1 : 0);
    }
    if (!read) continue;
    if (!hit.size) return false;
    const rest = measure?.per ? (per > 0 ? amount / per : point.expected) : amount;
    const restUsual = measure ? !stillUnusual(point, rest, threshold) : excessOverChance(timed, slow) === 0;
    // of a percentile, only the young keys whose own calls are slow beyond chance carry it: a joiner with a call or
    // two in the hour need not have settled (a person's p95, a mix of her features, swings from day to day)
    const carriers = measure ? [...hit] : [...youngTimes].filter(([, c]) => excessOverChance(c.timed, c.slow) > 0).map(([days]) => days);
    if (!restUsual || !carriers.length) return false;
    for (const days of carriers) {
      if (settling(days, point.metric, point.day)) continue;
      if (!measure?.per || !(await settledInside(store, filter, point, days, youngDays, youngRates.get(days)))) return false;
    }
    return true;
  }
  return false;
}

/**
 * whether a young key's rate inside the point's series holds its level there since it appeared: a snapshot that took
 * over a model's calls in the afternoon of its first day served that day's afternoon mix of features, where inside one
 * prompt its answers are as long on its second day as on its first
 */
async function settledInside(store: CallStore, filter: Omit<CallFilter, "limit" | "cursor">, point: SizePoint, young: KeyDays, youngDays: (c: LLMCall) => KeyDays | undefined, today: RateSum | undefined): Promise<boolean> {
  const measure = CALL_MEASURES[point.metric]!;
  if (!today?.per || young.firstSeen === undefined) return false;
  const before: RateSum = { amount: 0, per: 0 };
  let read = 0;
  for await (const call of store.iterateCalls({ ...filter, from: dayStart(young.firstSeen), to: dayStart(point.day) })) {
    if (++read >= MAX_READ) return false;
    if (youngDays(call) === young) (before.amount += measure.amount(call)), (before.per += measure.per!(call));
  }
  if (!before.per) return false;
  const [usual, now] = [before.amount / before.per, today.amount / today.per];
  const spec = METRIC_SPECS[point.metric];
  return spec.worse * (now - usual) <= spec.minRelativeChange * Math.abs(usual);
}
