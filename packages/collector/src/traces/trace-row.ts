// The flat columns a trace is filtered and rolled up by, next to its full JSON.
// The figures come from the recorder's summary; a trace without one (an older
// recorder, a crash) still lists, with what its own record says.
import type { Trace } from "@llmscope/core";

export interface TraceRow {
  id: string;
  started_at: number;
  received_at: number;
  session_id: string;
  name: string;
  user_id: string | null;
  department: string | null;
  feature: string | null;
  duration_ms: number | null;
  calls: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  errors: number;
  record: string;
}

/**
 * failed calls, failed steps and the trace's own error, each once: the
 * recorder's summary.errors already counts the failed calls and steps
 * (core's summarizeTrace); without a summary, the steps the record holds
 */
export function traceErrors(trace: Trace): number {
  const failedSteps = trace.summary ? trace.summary.errors : trace.steps.reduce((n, s) => n + (s.error ? 1 : 0), 0);
  return failedSteps + (trace.error ? 1 : 0);
}

export function toTraceRow(trace: Trace, receivedAt: number): TraceRow {
  const s = trace.summary;
  return {
    id: trace.id,
    started_at: Math.round(trace.startedAt),
    received_at: receivedAt,
    session_id: trace.sessionId,
    name: trace.name,
    user_id: trace.tags.userId ?? null,
    department: trace.tags.department ?? null,
    feature: trace.tags.feature ?? null,
    duration_ms: trace.durationMs ?? null,
    calls: s?.calls ?? trace.callIds?.length ?? 0,
    input_tokens: s?.inputTokens ?? 0,
    output_tokens: s?.outputTokens ?? 0,
    cost_usd: s?.costUSD ?? 0,
    errors: traceErrors(trace),
    record: JSON.stringify(trace),
  };
}
