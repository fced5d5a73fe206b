// A slowed provider slows every model it serves, but most of its slow calls
// run on its busiest model, whose series can be the one flagged, or the only
// one (the provider's own p95 mixes quick embeddings with long answers), and
// the whole app's p95 hangs on whichever provider serves its longest calls.
// The key that carries the change across models is the provider: when its
// other models slowed too in the same window (each one's calls slower than its
// own usual p95 beyond chance; of a day, most of their calls in models that
// did, as a model used mostly outside the slow hours shows little), the
// provider is named rather than the model. Each call is set against the usual
// p95 of its own model and prompt at the same hours of the week before.
// A provider flagged itself is named so when most of its calls, across its
// models, slowed: then no move of its calls onto a slower model explains it.
// A slowdown flagged only on a workload (the department whose calls most of
// the slowed provider served at those hours, a prompt) is the provider's in
// the same way: when the provider most of the workload's slowed calls went to
// slowed across the models of its other calls too, the workload did not slow
// itself (longer inputs, longer answers would leave those calls as they were).
import type { LLMCall } from "@llmscope/core";
import type { CallFilter, CallStore, StatsDimension } from "../store/call-store.ts";
import { isHourlyDimension } from "../store/rollup.ts";
import { promptKeyOf } from "../store/call-row.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { baselineOf, loadDailySeries, type DailySeries } from "./daily-series.ts";
import { hoursTogether, loadHourSlices } from "./hourly-series.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { excessOverChance, SLOW_CALL_TIME } from "./slow-calls.ts";
import { filtersOf } from "./few-calls.ts";
import { windowOf } from "./time-window.ts";

/** a model says something about its provider with this many timed calls in the window */
const MIN_TIMED = 10;
const MAX_READ = 20_000;
/** days before whose same hours each model and prompt's usual p95 is read from */
const USUAL_DAYS = 7;

type ServedBy = "model" | "responseModel";
/** the series that cut out what the app's own code does, as opposed to the providers and models it calls */
export const WORKLOADS: readonly string[] = ["prompt", "feature", "department", "user"];
const SERVED_BY: Record<ServedBy, (c: LLMCall) => string | undefined> = { model: (c) => c.model, responseModel: (c) => c.responseModel };

/** of one provider's calls in the window, those timed, and those in models slower than usual beyond chance */
interface Slowness {
  timed: number;
  slowed: number;
}

/** the provider's own anomaly when most of the other models it served in the flagged model's (or workload's) window slowed as well, or, for a provider flagged itself, most of its models */
export async function slowedAcrossModels(store: CallStore, flagged: Anomaly, historyDays: number): Promise<Anomaly | undefined> {
  const window = windowOf(flagged.day, flagged.hour, flagged.hours);
  let provider: string | undefined;
  let servedBy: ServedBy = "model";
  let leaveOut: (call: LLMCall) => boolean;
  if (flagged.dimension === "provider") {
    // the provider's own slowdown: its calls slowed across its models, so no move onto a slower model explains it
    (provider = flagged.key), (leaveOut = () => false);
  } else if (flagged.dimension === "model" || flagged.dimension === "responseModel") {
    servedBy = flagged.dimension;
    provider = (await store.listCalls({ [flagged.dimension]: flagged.key, ...window, limit: 1 })).calls[0]?.provider;
    leaveOut = (call) => SERVED_BY[servedBy](call) === flagged.key;
  } else if (WORKLOADS.includes(flagged.dimension)) {
    const ids = new Set<string>();
    for (const filter of filtersOf(flagged.dimension, flagged.key)) {
      // the provider most of whose calls for the workload slowed (a feature's drafts split between two providers)
      const own = [...(await slownessByProvider(store, flagged, "model", historyDays, filter))].filter(([, p]) => p.slowed >= p.timed / 2);
      provider = own.sort((a, b) => b[1].slowed - a[1].slowed)[0]?.[0];
      if (!provider) continue;
      for await (const call of store.iterateCalls({ ...filter, provider, ...window })) ids.add(call.id);
      break;
    }
    leaveOut = (call) => ids.has(call.id);
  } else return undefined;
  if (!provider) return undefined;
  const slowness = (await slownessByProvider(store, flagged, servedBy, historyDays, { provider }, leaveOut)).get(provider);
  return slowness && slowness.timed > 0 && slowness.slowed >= slowness.timed / 2 ? providerAnomaly(store, flagged, provider, historyDays) : undefined;
}

/** for a slowdown no narrower series carries: the provider most of whose calls, across its models, slowed, and its part of all slowed calls */
export async function slowedProvider(store: CallStore, headline: Anomaly, historyDays: number): Promise<{ anomaly: Anomaly; carried: number } | undefined> {
  if (!SLOW_CALL_TIME[headline.metric]) return undefined;
  const byProvider = await slownessByProvider(store, headline, "model", historyDays, {});
  const [provider, worst] = [...byProvider].sort((a, b) => b[1].slowed / b[1].timed - a[1].slowed / a[1].timed)[0] ?? [];
  if (!provider || !worst || worst.slowed < worst.timed / 2) return undefined;
  const slowed = [...byProvider.values()].reduce((n, p) => n + p.slowed, 0);
  return { anomaly: await providerAnomaly(store, headline, provider, historyDays), carried: worst.slowed / slowed };
}

async function slownessByProvider(store: CallStore, at: Anomaly, servedBy: ServedBy, historyDays: number, filter: Omit<CallFilter, "limit" | "cursor">, leaveOut?: (call: LLMCall) => boolean): Promise<Map<string, Slowness>> {
  const time = SLOW_CALL_TIME[at.metric]!;
  // each call against the usual p95 of its own model and prompt at the same hours of the days before: a model's day p95 is
  // set by its longest calls (a draft's answer), which its slowed short ones (a rerank) do not reach
  const usual = new Map<string, number[]>();
  let read = 0;
  for (let d = 1; d <= Math.min(USUAL_DAYS, historyDays); d++) {
    for await (const call of store.iterateCalls({ ...filter, ...windowOf(at.day - d, at.hour, at.hours) })) {
      const model = SERVED_BY[servedBy](call);
      const t = time(call);
      if (model && t !== undefined) {
        const group = groupOf(model, call);
        const list = usual.get(group);
        if (list) list.push(t);
        else usual.set(group, [t]);
      }
      if (++read >= MAX_READ) break;
    }
  }
  const byModel = new Map<string, { provider: string; timed: number; slow: number }>();
  for await (const call of store.iterateCalls({ ...filter, ...windowOf(at.day, at.hour, at.hours) })) {
    const model = SERVED_BY[servedBy](call);
    const t = time(call);
    const before = model && usual.get(groupOf(model, call));
    if (model && !leaveOut?.(call) && t !== undefined && before && before.length >= MIN_TIMED) {
      const entry = byModel.get(model) ?? { provider: call.provider, timed: 0, slow: 0 };
      entry.timed++;
      if (t > percentile95(before)) entry.slow++;
      byModel.set(model, entry);
    }
    if (++read >= 2 * MAX_READ) break;
  }
  const out = new Map<string, Slowness>();
  for (const { provider, timed, slow } of byModel.values()) {
    if (timed < MIN_TIMED) continue;
    const sum = out.get(provider) ?? { timed: 0, slowed: 0 };
    sum.timed += timed;
    if (excessOverChance(timed, slow) > 0) sum.slowed += timed;
    out.set(provider, sum);
  }
  return out;
}

const groupOf = (model: string, call: LLMCall) => `${model}\u0000${promptKeyOf(call)}`;
const p95Cache = new WeakMap<number[], number>();
function percentile95(values: number[]): number {
  let p = p95Cache.get(values);
  if (p === undefined) p95Cache.set(values, (p = [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(0.95 * values.length))]!));
  return p;
}

/** the point as the provider's: its own before and after where its series has them */
export async function providerAnomaly(store: CallStore, at: Anomaly, provider: string, historyDays: number): Promise<Anomaly> {
  const own = (await seriesOf(store, "provider", at, historyDays))?.get(provider);
  const row = own?.get(at.day);
  const value = row && METRIC_SPECS[at.metric].value(row);
  const base = own && baselineOf(own, at.metric, at.day, historyDays);
  const [after, before] = value !== undefined && base ? [value, base.expected] : [at.value, at.expected];
  return { ...at, dimension: "provider", key: provider, value: after, expected: before, change: before !== 0 ? (after - before) / before : Infinity };
}

export async function seriesOf(store: CallStore, dimension: StatsDimension, at: Anomaly, historyDays: number): Promise<DailySeries | undefined> {
  if (at.hour === undefined) return loadDailySeries(store, dimension, at.day - historyDays, at.day);
  return isHourlyDimension(dimension) ? hoursTogether(await loadHourSlices(store, dimension, at.day - historyDays, at.day), at.hour, at.hours ?? 1) : undefined;
}
