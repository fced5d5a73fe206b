// The per-day trace measures anomalies are looked for in, each read from one
// /v1/traces/stats row: what a request costs, how many LLM calls it makes (a
// runaway agent loop) and the p95 of each part of its time.
import type { TraceStatsRow, TraceTimeComponent } from "./api-types.ts";

export const TRACE_MEASURES = [
  "costPerTrace", "llmCallsPerTrace", "p95.durationMs", "p95.llmMs", "p95.retrievalMs", "p95.toolMs", "p95.preprocessMs", "p95.httpMs", "p95.selfMs",
] as const;
export type TraceMeasure = (typeof TRACE_MEASURES)[number];

export interface TraceMeasureSpec {
  label: string;
  value(row: TraceStatsRow): number | undefined;
  /** the smallest rise worth a person's attention, relative and in the measure's unit */
  minRelativeChange: number;
  minAbsoluteChange: number;
  /** traces a day needs before the measure is judged */
  minTraces: number;
  format(value: number): string;
}

export const formatMs = (v: number): string => (v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(1)} s`);
const usd = (v: number) => `$${v < 1 ? v.toPrecision(3) : v.toFixed(2)}`;

const COMPONENT_LABELS: Record<TraceTimeComponent, string> = {
  durationMs: "request time", llmMs: "LLM time", retrievalMs: "retrieval time", toolMs: "tool time",
  preprocessMs: "preprocessing time", httpMs: "HTTP time", selfMs: "app's own time",
};

const p95 = (c: TraceTimeComponent): TraceMeasureSpec => ({
  label: `p95 ${COMPONENT_LABELS[c]}`, value: (r) => r.p95[c], minRelativeChange: 0.3, minAbsoluteChange: 100, minTraces: 60, format: formatMs,
});

export const TRACE_MEASURE_SPECS: Record<TraceMeasure, TraceMeasureSpec> = {
  costPerTrace: { label: "cost per request", value: (r) => r.costPerTrace, minRelativeChange: 0.3, minAbsoluteChange: 1e-5, minTraces: 20, format: usd },
  llmCallsPerTrace: { label: "LLM calls per request", value: (r) => r.llmCallsPerTrace, minRelativeChange: 0.5, minAbsoluteChange: 1, minTraces: 20, format: (v) => v.toFixed(1) },
  "p95.durationMs": p95("durationMs"),
  "p95.llmMs": p95("llmMs"),
  "p95.retrievalMs": p95("retrievalMs"),
  "p95.toolMs": p95("toolMs"),
  "p95.preprocessMs": p95("preprocessMs"),
  "p95.httpMs": p95("httpMs"),
  "p95.selfMs": p95("selfMs"),
};

/** the time component a p95 measure reads, if it is one */
export const componentOf = (m: TraceMeasure): TraceTimeComponent | undefined => (m.startsWith("p95.") ? (m.slice(4) as TraceTimeComponent) : undefined);
