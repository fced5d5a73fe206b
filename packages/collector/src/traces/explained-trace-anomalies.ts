// The days' trace anomalies, the strongest explained down to the step that
// moved: what GET /v1/traces/anomalies answers and the trace_anomaly alert raises.
import type { CallStore } from "../store/call-store.ts";
import type { TraceAnomalyItem } from "./api-types.ts";
import { detectTraceAnomalies } from "./detect-trace-anomalies.ts";
import { explainTraceAnomaly } from "./step-root-cause.ts";

/** root causes read samples of traces: the strongest anomalies get one */
const MAX_EXPLAINED = 20;

/** the days' trace anomalies, the strongest explained down to the step that moved */
export async function explainedTraceAnomalies(store: CallStore, fromDay: number, toDay: number, threshold?: number): Promise<TraceAnomalyItem[]> {
  const found = await detectTraceAnomalies(store, { fromDay, toDay, ...(threshold ? { threshold } : {}) });
  const anomalies: TraceAnomalyItem[] = [];
  for (const [i, a] of found.entries()) {
    const rootCause = i < MAX_EXPLAINED ? await explainTraceAnomaly(store, a) : undefined;
    anomalies.push(rootCause ? { ...a, rootCause } : a);
  }
  return anomalies;
}
