import { summarize, type Summary, type Trace } from "@llmscope/core";
import { barKinds, type KindTimes } from "./kind-times.ts";

/** Per request (trace) rather than per call: what one user request costs and how long it takes. */
export interface RequestTallies {
  requests: number;
  running: number;
  costPerRequest: number;
  callsPerRequest: number;
  duration: Summary;
  /** each kind's share of all requests' time, 0..1 */
  share: KindTimes;
  /** the ms behind the shares */
  times: KindTimes;
}

/** Finished requests only: a running one has no final duration or cost yet. */
export function computeRequestTallies(traces: Iterable<Trace>): RequestTallies {
  const times = Object.fromEntries(barKinds.map((k) => [k, 0])) as KindTimes;
  const durations: number[] = [];
  let running = 0;
  let cost = 0;
  let calls = 0;
  for (const trace of traces) {
    const s = trace.summary;
    if (trace.durationMs === undefined || !s) {
      running++;
      continue;
    }
    durations.push(trace.durationMs);
    cost += s.costUSD;
    calls += s.calls;
    times.llm += s.llmMs;
    times.retrieval += s.retrievalMs;
    times.tool += s.toolMs;
    times.preprocess += s.preprocessMs;
    times.http += s.httpMs;
    times.self += s.selfMs;
  }
  const n = durations.length;
  const all = barKinds.reduce((sum, k) => sum + times[k], 0);
  const share = Object.fromEntries(barKinds.map((k) => [k, all > 0 ? times[k] / all : 0])) as KindTimes;
  return { requests: n, running, costPerRequest: n ? cost / n : 0, callsPerRequest: n ? calls / n : 0, duration: summarize(durations), share, times };
}
