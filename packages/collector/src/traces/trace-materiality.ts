// Whether a trace anomaly matters, by the floors the call anomalies use
// (../insights/materiality.ts): what the change adds — dollars (cost per
// request), LLM calls (calls per request) or requests slowed (a p95 of time)
// — as a share of the whole app's usual day. That day is read from the call
// and trace rollups of the weeks before: its requests (traces, and calls made
// outside any trace), LLM calls and cost, as the call anomalies read theirs
// (the weekday's robust level, so a quiet Sunday is not a smaller app).
import { robustBaseline } from "../insights/robust-baseline.ts";
import { excessOverChance } from "../insights/slow-calls.ts";
import { dayStart } from "../store/time-buckets.ts";
import type { TraceStatsDimension, TraceTimeComponent } from "./api-types.ts";
import { filterOf, partMs } from "./trace-parts.ts";
import type { Materiality } from "../insights/materiality.ts";
import type { CallStore } from "../store/call-store.ts";
import { requestsByBucket, type RequestCount } from "./requests.ts";
import type { TraceMeasure } from "./trace-measures.ts";

export interface AppDay {
  requests: number;
  calls: number;
  costUSD: number;
}

export interface TraceImpact {
  floor: keyof Pick<Materiality, "cost" | "calls" | "affected">;
  /** dollars, LLM calls or requests */
  amount: number;
  /** of the app's usual day */
  share: number;
}

export async function usualAppDay(store: CallStore, day: number, historyDays: number): Promise<AppDay> {
  const rows = await requestsByBucket(store, "all", "", day - historyDays, day - 1);
  const usual = (value: (r: RequestCount) => number) =>
    robustBaseline(rows.map((r) => ({ day: r.bucket, value: value(r) })), day, { seasonal: true, relativeFloor: 0, absoluteFloor: 0 })?.expected ?? 0;
  return { requests: usual((r) => r.requests), calls: usual((r) => r.calls), costUSD: usual((r) => r.costUSD) };
}

/** the impact of a measure rising by `delta` over a day of `traces` requests (for a time: the requests it slowed) */
export function traceImpact(measure: TraceMeasure, delta: number, traces: number, app: AppDay): TraceImpact {
  const make = (floor: TraceImpact["floor"], amount: number, of: number): TraceImpact => ({
    floor, amount, share: of > 0 ? amount / of : amount > 0 ? Infinity : 0,
  });
  if (measure === "costPerTrace") return make("cost", delta * traces, app.costUSD);
  if (measure === "llmCallsPerTrace") return make("calls", delta * traces, app.calls);
  return make("affected", traces, app.requests);
}

/** at most this many of a cut's requests are read for one point (the newest of its day) */
const MAX_READ = 5000;

/**
 * A p95 over a few dozen requests is their fourth-slowest: a handful of slow
 * ones can double it with nothing slowed at all. As for calls
 * (../insights/slow-calls.ts), the requests slower than the usual p95 are
 * counted, and only those beyond chance's 5% are what a slowdown affected;
 * 0 when they are within chance.
 */
export async function excessSlowTraces(
  store: CallStore, cut: { dimension: TraceStatsDimension; key: string }, day: number, component: TraceTimeComponent, usualP95: number,
): Promise<number> {
  if (!store.traces) return 0;
  const traces = await store.traces.sample({ ...filterOf(cut), from: dayStart(day), to: dayStart(day + 1) }, MAX_READ);
  return excessOverChance(traces.length, traces.filter((t) => partMs(t, component) > usualP95).length);
}
