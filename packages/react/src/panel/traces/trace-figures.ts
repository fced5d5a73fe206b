import type { LLMCall, Trace } from "@llmscope/core";
import { kindTimes, type KindTimes } from "./kind-times.ts";

/** What a trace row shows: the summary once the trace has ended, a running tally while it runs. */
export interface TraceFigures {
  live: boolean;
  durationMs: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUSD: number;
  errors: number;
  times: KindTimes;
}

export function traceFigures(trace: Trace, calls: readonly LLMCall[], now: number): TraceFigures {
  const live = trace.durationMs === undefined;
  const durationMs = trace.durationMs ?? Math.max(0, now - trace.startedAt);
  const times = kindTimes(trace, calls, now);
  const s = trace.summary;
  if (s) return { live, durationMs, calls: s.calls, inputTokens: s.inputTokens, outputTokens: s.outputTokens, costUSD: s.costUSD, errors: s.errors, times };
  let inputTokens = 0;
  let outputTokens = 0;
  let costUSD = 0;
  let errors = trace.steps.filter((step) => step.error).length;
  for (const call of calls) {
    inputTokens += call.usage?.inputTokens ?? 0;
    outputTokens += call.usage?.outputTokens ?? 0;
    costUSD += call.cost?.totalUSD ?? 0;
    if (call.error) errors++;
  }
  return { live, durationMs, calls: calls.length, inputTokens, outputTokens, costUSD, errors, times };
}
