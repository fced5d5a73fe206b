// Traces folded per (dimension, key, bucket) in memory first, like call
// rollups (../store/rollup.ts): a batch costs one upsert per row it touches.
// Each time component keeps a sum, a count and a log-scale histogram (the
// call rollups' histogram), so p50/p95 and means come from rows, not traces.
import type { Trace } from "@llmscope/core";
import { histogramBucket, mergeHistograms, type Histogram } from "../store/histogram.ts";
import { dayOf, hourOf } from "../store/time-buckets.ts";
import { TRACE_TIME_COMPONENTS, type TraceTimeComponent } from "./api-types.ts";
import { traceErrors } from "./trace-row.ts";

/** dimension → the key a trace is counted under ("" when it has no such tag) */
export const TRACE_ROLLUP_DIMENSIONS: Record<string, (t: Trace) => string> = {
  all: () => "",
  name: (t) => t.name,
  feature: (t) => t.tags.feature ?? "",
  department: (t) => t.tags.department ?? "",
};
/** hour rows are stored as "<dimension>@hour" with the hour number as bucket */
export const traceHourDim = (dim: string): string => `${dim}@hour`;

export interface ComponentMeasure {
  sum: number;
  count: number;
  hist: Histogram;
}
export type TraceMeasures = Partial<Record<TraceTimeComponent, ComponentMeasure>>;

export interface TraceRollupDelta {
  dim: string;
  key: string;
  /** day number, or hour number for "@hour" dimensions */
  bucket: number;
  traces: number;
  llmCalls: number;
  inputTokens: number;
  outputTokens: number;
  costUSD: number;
  /** traces with any error */
  errors: number;
  measures: TraceMeasures;
}

export function emptyTraceDelta(dim: string, key: string, bucket: number): TraceRollupDelta {
  return { dim, key, bucket, traces: 0, llmCalls: 0, inputTokens: 0, outputTokens: 0, costUSD: 0, errors: 0, measures: {} };
}

/** a trace's ms by component: end-to-end duration and the summary's time by kind */
export function traceComponents(t: Trace): Partial<Record<TraceTimeComponent, number>> {
  const out: Partial<Record<TraceTimeComponent, number>> = {};
  if (t.durationMs !== undefined) out.durationMs = t.durationMs;
  const s = t.summary;
  if (s) for (const c of TRACE_TIME_COMPONENTS) if (c !== "durationMs" && s[c] !== undefined) out[c] = s[c];
  return out;
}

function addTrace(d: TraceRollupDelta, t: Trace, components: Partial<Record<TraceTimeComponent, number>>, failed: boolean): void {
  d.traces += 1;
  d.llmCalls += t.summary?.calls ?? t.callIds?.length ?? 0;
  d.inputTokens += t.summary?.inputTokens ?? 0;
  d.outputTokens += t.summary?.outputTokens ?? 0;
  d.costUSD += t.summary?.costUSD ?? 0;
  if (failed) d.errors += 1;
  for (const [c, ms] of Object.entries(components) as [TraceTimeComponent, number][]) {
    const bucket = histogramBucket(ms);
    if (bucket === undefined) continue;
    const m = (d.measures[c] ??= { sum: 0, count: 0, hist: {} });
    m.sum += ms;
    m.count += 1;
    m.hist[bucket] = (m.hist[bucket] ?? 0) + 1;
  }
}

export function foldTraces(traces: Trace[]): TraceRollupDelta[] {
  const byId = new Map<string, TraceRollupDelta>();
  for (const t of traces) {
    const components = traceComponents(t);
    const failed = traceErrors(t) > 0;
    const buckets: [string, number][] = [["", dayOf(t.startedAt)], ["@hour", hourOf(t.startedAt)]];
    for (const [dim, keyOf] of Object.entries(TRACE_ROLLUP_DIMENSIONS)) {
      const key = keyOf(t);
      for (const [suffix, bucket] of buckets) {
        const id = `${dim}${suffix}\u0000${key}\u0000${bucket}`;
        let d = byId.get(id);
        if (!d) byId.set(id, (d = emptyTraceDelta(dim + suffix, key, bucket)));
        addTrace(d, t, components, failed);
      }
    }
  }
  return [...byId.values()];
}

export function mergeTraceDelta(into: TraceRollupDelta, from: TraceRollupDelta): TraceRollupDelta {
  into.traces += from.traces;
  into.llmCalls += from.llmCalls;
  into.inputTokens += from.inputTokens;
  into.outputTokens += from.outputTokens;
  into.costUSD += from.costUSD;
  into.errors += from.errors;
  for (const [c, m] of Object.entries(from.measures) as [TraceTimeComponent, ComponentMeasure][]) {
    const to = (into.measures[c] ??= { sum: 0, count: 0, hist: {} });
    to.sum += m.sum;
    to.count += m.count;
    mergeHistograms(to.hist, m.hist);
  }
  return into;
}

/** a stored trace_rollup row (measures as SQLite's text or PostgreSQL's parsed jsonb) */
export interface TraceRollupDbRow {
  dim: string;
  key: string;
  bucket: number;
  traces: number;
  llm_calls: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  errors: number;
  measures: string | TraceMeasures;
}

export function deltaOfTraceRow(r: TraceRollupDbRow): TraceRollupDelta {
  return {
    dim: r.dim, key: r.key, bucket: r.bucket, traces: Number(r.traces), llmCalls: Number(r.llm_calls),
    inputTokens: r.input_tokens, outputTokens: r.output_tokens, costUSD: r.cost_usd, errors: Number(r.errors),
    measures: typeof r.measures === "string" ? (JSON.parse(r.measures) as TraceMeasures) : r.measures,
  };
}
