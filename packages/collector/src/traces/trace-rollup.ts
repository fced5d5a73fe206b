// Traces folded per (dimension, key, bucket) in memory first, like call
// rollups (../store/rollup.ts): a batch costs one upsert per row it touches.
// Each time component keeps a sum, a count and a log-scale histogram (the
// call rollups' histogram), so p50/p95 and means come from rows, not traces.
import type { Trace } from "@llmscope/core";
import { histogramBucket, mergeHistograms, type Histogram } from "../store/histogram.ts";
import { addCost } from "../store/rollup.ts";
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

/** what one trace adds to every row it is counted in, worked out once for all of them */
interface TraceContribution {
  llmCalls: number;
  inputTokens: number;
  outputTokens: number;
  costUSD: number;
  failed: boolean;
  /** component, ms, histogram bucket */
  times: [TraceTimeComponent, number, string][];
}

function contributionOf(t: Trace): TraceContribution {
  const times: [TraceTimeComponent, number, string][] = [];
  for (const [c, ms] of Object.entries(traceComponents(t)) as [TraceTimeComponent, number][]) {
    const bucket = histogramBucket(ms);
    if (bucket !== undefined) times.push([c, ms, bucket]);
  }
  const s = t.summary;
  return {
    llmCalls: s?.calls ?? t.callIds?.length ?? 0, inputTokens: s?.inputTokens ?? 0, outputTokens: s?.outputTokens ?? 0,
    costUSD: s?.costUSD ?? 0, failed: traceErrors(t) > 0, times,
  };
}

function addTrace(d: TraceRollupDelta, c: TraceContribution): void {
  d.traces += 1;
  d.llmCalls += c.llmCalls;
  d.inputTokens += c.inputTokens;
  d.outputTokens += c.outputTokens;
  d.costUSD = addCost(d.costUSD, c.costUSD);
  if (c.failed) d.errors += 1;
  for (const [component, ms, bucket] of c.times) {
    const m = (d.measures[component] ??= { sum: 0, count: 0, hist: {} });
    m.sum += ms;
    m.count += 1;
    m.hist[bucket] = (m.hist[bucket] ?? 0) + 1;
  }
}

const DIMENSIONS = Object.entries(TRACE_ROLLUP_DIMENSIONS);

export function foldTraces(traces: Trace[]): TraceRollupDelta[] {
  // bucket → one map per dimension (day rows, then hour rows), key → delta
  const deltas: TraceRollupDelta[] = [];
  const buckets = new Map<number, Map<string, TraceRollupDelta>[]>();
  const fold = (bucket: number, offset: number, suffix: string, t: Trace, c: TraceContribution) => {
    let maps = buckets.get(bucket);
    if (!maps) buckets.set(bucket, (maps = []));
    for (let i = 0; i < DIMENSIONS.length; i++) {
      const [dim, keyOf] = DIMENSIONS[i]!;
      const key = keyOf(t);
      const byKey = (maps[offset + i] ??= new Map());
      let d = byKey.get(key);
      if (!d) {
        byKey.set(key, (d = emptyTraceDelta(dim + suffix, key, bucket)));
        deltas.push(d);
      }
      addTrace(d, c);
    }
  };
  for (const t of traces) {
    const c = contributionOf(t);
    // day and hour numbers never collide in practice, but keep their maps apart anyway
    fold(dayOf(t.startedAt), 0, "", t, c);
    fold(hourOf(t.startedAt), DIMENSIONS.length, "@hour", t, c);
  }
  return deltas;
}

export function mergeTraceDelta(into: TraceRollupDelta, from: TraceRollupDelta): TraceRollupDelta {
  into.traces += from.traces;
  into.llmCalls += from.llmCalls;
  into.inputTokens += from.inputTokens;
  into.outputTokens += from.outputTokens;
  into.costUSD = addCost(into.costUSD, from.costUSD);
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
