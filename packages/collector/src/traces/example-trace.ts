// The request an alert about a trace anomaly points at: of the anomaly's day
// and cut, the one that shows the change most — the slowest in the step (or
// the part of the time) that moved, the costliest, the one making the most LLM
// calls. Read from a sample of the day's traces, as the root cause is.
import type { Trace } from "@llmscope/core";
import type { CallStore } from "../store/call-store.ts";
import { dayStart } from "../store/time-buckets.ts";
import type { TraceAnomalyItem } from "./api-types.ts";
import { componentOf, type TraceMeasure } from "./trace-measures.ts";
import { filterOf, partMs, stepMs } from "./trace-parts.ts";

const SAMPLE = 2000;

function measureOf(a: TraceAnomalyItem): (t: Trace) => number {
  const cause = a.rootCause;
  if (cause?.stepKind && cause.stepName) return (t) => stepMs(t, cause.stepKind!, cause.stepName!) ?? 0;
  if (cause) return (t) => partMs(t, cause.component);
  if (a.measure === "costPerTrace") return (t) => t.summary?.costUSD ?? 0;
  if (a.measure === "llmCallsPerTrace") return (t) => t.summary?.calls ?? t.callIds?.length ?? 0;
  const component = componentOf(a.measure as TraceMeasure);
  return (t) => (component ? partMs(t, component) : 0);
}

export async function exampleTrace(store: CallStore, a: TraceAnomalyItem): Promise<Trace | undefined> {
  if (!store.traces) return undefined;
  // from the change's first request on, where the root cause found one
  const from = a.rootCause?.since ?? dayStart(a.day);
  const day = await store.traces.sample({ ...filterOf(a), from, to: dayStart(a.day + 1) }, SAMPLE);
  const value = measureOf(a);
  let top: Trace | undefined;
  for (const t of day) if (!top || value(t) > value(top)) top = t;
  return top;
}
