// A slowed provider slows every model it serves, but most of its slow calls
// run on its busiest model, whose series can be the one flagged, or the only
// one (the provider's own p95 mixes quick embeddings with long answers). The
// key that carries the change across models is the provider: when its other
// models slowed too in the same window (each one's calls slower than its own
// usual p95 beyond chance; of a day, most of their calls in models that did,
// as a model used mostly outside the slow hours shows little), the provider
// is named rather than the model.
import type { LLMCall } from "@llmscope/core";
import type { CallStore, StatsDimension } from "../store/call-store.ts";
import { isHourlyDimension } from "../store/rollup.ts";
import type { Anomaly } from "./detect-anomalies.ts";
import { baselineOf, loadDailySeries, type DailySeries } from "./daily-series.ts";
import { loadHourSlices } from "./hourly-series.ts";
import { METRIC_SPECS } from "./metrics.ts";
import { excessOverChance, SLOW_CALL_TIME } from "./slow-calls.ts";
import { windowOf } from "./time-window.ts";

/** a sibling model says something about the provider with this many timed calls in the window */
const MIN_TIMED = 10;
const MAX_READ = 20_000;

const SERVED_BY: Partial<Record<StatsDimension, (c: LLMCall) => string | undefined>> = {
  model: (c) => c.model,
  responseModel: (c) => c.responseModel,
};

/** the provider's own anomaly when every other model it served in the flagged model's window slowed as well */
export async function slowedAcrossModels(store: CallStore, flagged: Anomaly, historyDays: number): Promise<Anomaly | undefined> {
  const servedBy = SERVED_BY[flagged.dimension];
  const time = SLOW_CALL_TIME[flagged.metric];
  if (!servedBy || !time) return undefined;
  const window = windowOf(flagged.day, flagged.hour);
  const field = flagged.dimension === "model" ? "model" : "responseModel";
  const provider = (await store.listCalls({ [field]: flagged.key, ...window, limit: 1 })).calls[0]?.provider;
  if (!provider) return undefined;
  const times = new Map<string, number[]>();
  let read = 0;
  for await (const call of store.iterateCalls({ provider, ...window })) {
    const sibling = servedBy(call);
    const t = time(call);
    if (sibling && sibling !== flagged.key && t !== undefined) times.set(sibling, [...(times.get(sibling) ?? []), t]);
    if (++read >= MAX_READ) break;
  }
  const load = (dimension: StatsDimension) => seriesOf(store, dimension, flagged, historyDays);
  const siblings = await load(flagged.dimension);
  let measured = 0;
  let slowed = 0;
  for (const [sibling, list] of times) {
    const usual = siblings && baselineOf(siblings.get(sibling) ?? new Map(), flagged.metric, flagged.day, historyDays);
    if (list.length < MIN_TIMED || !usual) continue;
    measured += list.length;
    if (excessOverChance(list.length, list.filter((t) => t > usual.expected).length) > 0) slowed += list.length;
  }
  if (!measured || slowed < measured / 2) return undefined;
  const own = (await load("provider"))?.get(provider);
  const row = own?.get(flagged.day);
  const value = row && METRIC_SPECS[flagged.metric].value(row);
  const base = own && baselineOf(own, flagged.metric, flagged.day, historyDays);
  const [after, before] = value !== undefined && base ? [value, base.expected] : [flagged.value, flagged.expected];
  return { ...flagged, dimension: "provider", key: provider, value: after, expected: before, change: before !== 0 ? (after - before) / before : Infinity };
}

async function seriesOf(store: CallStore, dimension: StatsDimension, at: Anomaly, historyDays: number): Promise<DailySeries | undefined> {
  if (at.hour === undefined) return loadDailySeries(store, dimension, at.day - historyDays, at.day);
  return isHourlyDimension(dimension) ? (await loadHourSlices(store, dimension, at.day - historyDays, at.day))[at.hour] : undefined;
}
