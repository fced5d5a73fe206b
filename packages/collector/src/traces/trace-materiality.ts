// Whether a trace anomaly matters, by the floors the call anomalies use
// (../insights/materiality.ts): what the change adds — dollars (cost per
// request), LLM calls (calls per request) or requests slowed (a p95 of time)
// — as a share of the whole app's usual day. That day is read from the call
// and trace rollups of the weeks before: its requests (traces, and calls made
// outside any trace), LLM calls and cost, as the call anomalies read theirs
// (the weekday's robust level, so a quiet Sunday is not a smaller app).
import { robustBaseline } from "../insights/robust-baseline.ts";
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

/** the impact of a measure rising by `delta` over a day of `traces` requests */
export function traceImpact(measure: TraceMeasure, delta: number, traces: number, app: AppDay): TraceImpact {
  const make = (floor: TraceImpact["floor"], amount: number, of: number): TraceImpact => ({
    floor, amount, share: of > 0 ? amount / of : amount > 0 ? Infinity : 0,
  });
  if (measure === "costPerTrace") return make("cost", delta * traces, app.costUSD);
  if (measure === "llmCallsPerTrace") return make("calls", delta * traces, app.calls);
  return make("affected", traces, app.requests);
}
