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
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { promptKeyOf } from "../store/call-row.ts";
import type { DailySeries } from "./daily-series.ts";
import { filtersOf, SIZE, stillUnusual, type CallMeasure, type SizePoint } from "./few-calls.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";
import { windowOf } from "./time-window.ts";

/** days a key stays young: until it has been seen on each weekday */
const YOUNG_DAYS = 7;
const MAX_READ = 20_000;
/** a young key's volume may grow to this multiple of its busiest day so far and still be settling in */
const SETTLING = 2;

const MEASURES: Partial<Record<Metric, CallMeasure>> = {
  ...SIZE,
  calls: { amount: () => 1, rank: () => 1 },
  errorRate: { amount: (c) => (c.error ? 1 : 0), per: () => 1, rank: () => 1 },
  cachedInputPerRequest: { amount: (c) => c.usage.cachedInputTokens ?? 0, per: () => 1, rank: () => 1 },
};

const KEY_OF: Partial<Record<StatsDimension, (c: LLMCall) => string | undefined>> = {
  prompt: promptKeyOf,
  model: (c) => c.model ?? c.responseModel,
  responseModel: (c) => c.responseModel,
  feature: (c) => c.tags.feature,
  department: (c) => c.tags.department,
  user: (c) => c.tags.userId,
  provider: (c) => c.provider,
};

/** dimension → key → the day it was first seen, for the keys that appeared after the data began */
export type NewKeys = Map<StatsDimension, Map<string, number>>;

export function newKeysOf(dimension: StatsDimension, series: DailySeries, into: NewKeys): void {
  const keys = new Map<string, number>();
  for (const [key, days] of series) if (key !== "" && days.firstSeen !== undefined && days.firstSeen > (days.dataFrom ?? -Infinity)) keys.set(key, days.firstSeen);
  into.set(dimension, keys);
}

/** a measure's sum and count over some calls */
interface Tally {
  amount: number;
  per: number;
}
const tallied = (): Tally => ({ amount: 0, per: 0 });
const add = (t: Tally, m: CallMeasure, c: LLMCall) => ((t.amount += m.amount(c)), (t.per += m.per?.(c) ?? 0));

/** the point's calls in one window: the rest's tally, and each young key's */
async function tallyWindow(store: CallStore, filter: object, day: number, hour: number | undefined, measure: CallMeasure, youngOf: (c: LLMCall) => string | undefined) {
  const rest = tallied();
  const young = new Map<string, Tally>();
  let read = 0;
  for await (const call of store.iterateCalls({ ...filter, ...windowOf(day, hour) })) {
    if (++read >= MAX_READ) return undefined;
    const key = youngOf(call);
    if (key === undefined) add(rest, measure, call);
    else {
      let t = young.get(key);
      if (!t) young.set(key, (t = tallied()));
      add(t, measure, call);
    }
  }
  return { rest, young, read };
}

/**
 * Whether the point is that week's news going on: without the calls of keys
 * young on its day it is within its usual range, and those keys behave as
 * they have since they appeared — a rate within the measure's smallest change
 * worth attention of their own, a volume within twice their busiest day so
 * far (new people take a few days to start). A flood or a change inside a
 * young key is news of its own, and the point stands.
 */
export async function carriedByYoungKeys(store: CallStore, dimension: StatsDimension, point: SizePoint, threshold: number, newKeys: NewKeys): Promise<boolean> {
  const measure = MEASURES[point.metric];
  if (!measure) return false;
  const young: [string, (c: LLMCall) => string | undefined, Map<string, number>][] = [];
  for (const [d, keys] of newKeys) {
    const keyOf = KEY_OF[d];
    const inWeek = new Map([...keys].filter(([k, first]) => first < point.day && first >= point.day - YOUNG_DAYS && !(d === dimension && k === point.key)));
    if (keyOf && inWeek.size) young.push([d, keyOf, inWeek]);
  }
  if (!young.length) return false;
  const youngOf = (c: LLMCall) => {
    for (const [d, keyOf, keys] of young) {
      const k = keyOf(c);
      if (k !== undefined && keys.has(k)) return `${d}\u0000${k}`;
    }
    return undefined;
  };
  const firstOf = (id: string) => young.find(([d]) => id.startsWith(`${d}\u0000`))![2].get(id.slice(id.indexOf("\u0000") + 1))!;
  const spec = METRIC_SPECS[point.metric];
  for (const filter of filtersOf(dimension, point.key)) {
    const today = await tallyWindow(store, filter, point.day, point.hour, measure, youngOf);
    if (!today || !today.read) continue;
    if (!today.young.size) return false;
    const rest = measure.per ? (today.rest.per > 0 ? today.rest.amount / today.rest.per : point.expected) : today.rest.amount;
    if (stillUnusual(point, rest, threshold)) return false;
    // each young key against its own days so far in this series
    const since = Math.min(...[...today.young.keys()].map(firstOf));
    const before = new Map<string, Tally[]>();
    for (let d = since; d < point.day; d++) {
      const day = await tallyWindow(store, filter, d, point.hour, measure, youngOf);
      if (!day) return false;
      for (const [k, t] of day.young) before.set(k, [...(before.get(k) ?? []), t]);
    }
    for (const [k, t] of today.young) {
      const days = before.get(k) ?? [];
      if (!days.length) return false;
      if (measure.per) {
        const usual = days.reduce((n, x) => n + x.amount, 0) / Math.max(1e-9, days.reduce((n, x) => n + x.per, 0));
        const now = t.per > 0 ? t.amount / t.per : usual;
        if (spec.worse * (now - usual) > spec.minRelativeChange * Math.abs(usual)) return false;
      } else if (t.amount > SETTLING * Math.max(...days.map((x) => x.amount))) return false;
    }
    return true;
  }
  return false;
}
