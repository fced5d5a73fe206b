// A stored trace as /v1/traces lists it: the record without its steps.
import type { Trace } from "@llmscope/core";
import type { TraceListItem } from "./api-types.ts";
import type { TraceRow } from "./trace-row.ts";

export function traceListItem(trace: Trace, row: Pick<TraceRow, "calls" | "input_tokens" | "output_tokens" | "cost_usd" | "errors">): TraceListItem {
  const item: TraceListItem = {
    id: trace.id, name: trace.name, sessionId: trace.sessionId, tags: trace.tags, startedAt: trace.startedAt,
    steps: trace.steps.length, calls: Number(row.calls), inputTokens: row.input_tokens, outputTokens: row.output_tokens,
    costUSD: row.cost_usd, errors: Number(row.errors),
  };
  if (trace.tags.userId) item.userId = trace.tags.userId;
  if (trace.tags.feature) item.feature = trace.tags.feature;
  if (trace.tags.department) item.department = trace.tags.department;
  if (trace.durationMs !== undefined) item.durationMs = trace.durationMs;
  if (trace.summary) item.summary = trace.summary;
  if (trace.error) item.error = trace.error;
  if (trace.parentSpanId) item.parentSpanId = trace.parentSpanId;
  if (trace.droppedSteps) item.droppedSteps = trace.droppedSteps;
  if (trace.abandoned) item.abandoned = trace.abandoned;
  return item;
}
