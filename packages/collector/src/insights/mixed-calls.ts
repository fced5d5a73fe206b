// A series' tokens or dollars per request is a mean over calls of many kinds:
// a 60-token embedding, a 3,000-token rerank, a 12,000-token contract on the
// dearest model. When one region keeps a public holiday, a provider's calls
// that day are the other regions' (engineering's long code chats without
// support's short answers) and its tokens per request double with no call
// changed at all. So a per-request point of a series is read again with each
// of today's calls weighed at the usual of its own kind (the same prompt on
// the same model, over the series' week before): where today's mix at those
// usual levels explains the rise, the series' calls did not change, only which
// of them came, and the point is dropped. A prompt that grew, a prompt moved
// to a dearer model, a cache that broke move calls against their own kind,
// and stand.
import type { LLMCall } from "@llmscope/core";
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { promptKeyOf } from "../store/call-row.ts";
import { CALL_MEASURES, filtersOf, stillUnusual, type SizePoint } from "./few-calls.ts";
import type { Metric } from "./metrics.ts";
import { addToRate, type RateSum } from "./rate-sums.ts";
import { windowOf } from "./time-window.ts";

/** the per-request measures a call's kind sets (its prompt's size, its model's price, its prefix cached) */
const MIXED: readonly Metric[] = ["tokensPerRequest", "outputTokensPerRequest", "costPerRequest", "cachedInputPerRequest"];
/** days before the point its kinds' usual levels are read from: each weekday once */
const HISTORY_DAYS = 7;
/** a kind's usual is read from at least this many of its calls; a rarer kind is taken at the series' usual */
const MIN_KIND_CALLS = 5;
const MAX_READ = 30_000;

/** a call's kind: its prompt on its model */
const kindOf = (c: LLMCall) => `${promptKeyOf(c)}\u0000${c.model ?? c.responseModel ?? ""}`;

/** the calls' amounts summed by kind, or undefined past the read limit */
async function sumsByKind(store: CallStore, filter: object, window: { from: number; to: number }, metric: Metric): Promise<Map<string, RateSum> | undefined> {
  const measure = CALL_MEASURES[metric]!;
  const sums = new Map<string, RateSum>();
  let read = 0;
  for await (const call of store.iterateCalls({ ...filter, ...window })) {
    if (++read >= MAX_READ) return undefined;
    addToRate(sums, kindOf(call), measure.amount(call), measure.per?.(call) ?? 0);
  }
  return sums;
}

export async function movedWithMix(store: CallStore, dimension: StatsDimension, point: SizePoint, threshold: number): Promise<boolean> {
  // a person's own mix is read by movedWithPrompts; an hour's per-request measures are not judged
  if (!MIXED.includes(point.metric) || dimension === "user" || point.hour !== undefined) return false;
  for (const filter of filtersOf(dimension, point.key)) {
    const today = await sumsByKind(store, filter, windowOf(point.day), point.metric);
    if (!today?.size) continue;
    const before = await sumsByKind(store, filter, { from: windowOf(point.day - HISTORY_DAYS).from, to: windowOf(point.day).from }, point.metric);
    if (!before) return false;
    const total = [...before.values()].reduce((t, s) => ({ amount: t.amount + s.amount, per: t.per + s.per }), { amount: 0, per: 0 });
    if (!(total.per > 0) || !(total.amount > 0)) return false;
    const usual = total.amount / total.per;
    // today's calls, each at its kind's usual level
    let [weighed, per] = [0, 0];
    for (const [kind, sums] of today) {
      const own = before.get(kind);
      weighed += sums.per * (own && own.per >= MIN_KIND_CALLS ? own.amount / own.per : usual);
      per += sums.per;
    }
    if (!(per > 0) || !(weighed > 0)) return false;
    const mix = weighed / per / usual;
    return !stillUnusual(point, point.value / mix, threshold);
  }
  return false;
}
