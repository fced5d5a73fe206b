// A few huge requests (a whole contract pasted in; one runaway agent loop,
// which the agent_loop alert raises on its own) can double a cut's cost or
// LLM calls per request for a day. As the call anomalies read a size point
// (../insights/few-calls.ts), such a point is read again without its three
// largest requests, and dropped when what is left is no longer unusual.
import type { Trace } from "@llmscope/core";
import type { CallStore } from "../store/call-store.ts";
import { dayStart } from "../store/time-buckets.ts";
import type { TraceStatsDimension } from "./api-types.ts";
import { TRACE_MEASURE_SPECS, type TraceMeasure } from "./trace-measures.ts";
import { filterOf } from "./trace-parts.ts";

/** the requests that may carry a point alone */
const FEW = 3;
/** at most this many of a cut's requests are read for one point (the newest of its day) */
const MAX_READ = 5000;

const PER_REQUEST: Partial<Record<TraceMeasure, (t: Trace) => number>> = {
  costPerTrace: (t) => t.summary?.costUSD ?? 0,
  llmCallsPerTrace: (t) => t.summary?.calls ?? t.callIds?.length ?? 0,
};

export interface MeanPoint {
  measure: TraceMeasure;
  day: number;
  value: number;
  expected: number;
  sigma: number;
}

export async function carriedByFewRequests(
  store: CallStore, cut: { dimension: TraceStatsDimension; key: string }, point: MeanPoint, threshold: number,
): Promise<boolean> {
  const perRequest = PER_REQUEST[point.measure];
  if (!perRequest || !store.traces) return false;
  const traces = await store.traces.sample({ ...filterOf(cut), from: dayStart(point.day), to: dayStart(point.day + 1) }, MAX_READ);
  if (traces.length <= FEW) return false;
  const rest = traces.map(perRequest).sort((a, b) => a - b).slice(0, -FEW);
  const withoutLargest = rest.reduce((a, b) => a + b, 0) / rest.length;
  // what is left must still be unusual by the detector's own measure: far out, and a change worth attention
  const spec = TRACE_MEASURE_SPECS[point.measure];
  const left = withoutLargest - point.expected;
  return left < threshold * point.sigma || left < Math.max(spec.minRelativeChange * point.expected, spec.minAbsoluteChange);
}
