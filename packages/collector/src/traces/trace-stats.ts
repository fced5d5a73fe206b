// Trace rollup rows folded into /v1/traces/stats rows (period × key): per-trace
// figures, and p50/p95/mean of each time component from the merged histograms.
import { histogramPercentiles } from "../store/histogram.ts";
import { dayLabel, dayOf, hourLabel, hourOf, monthLabel } from "../store/time-buckets.ts";
import type { TraceStatsRow, TraceTimeComponent } from "./api-types.ts";
import { emptyTraceDelta, mergeTraceDelta, traceHourDim, type TraceRollupDelta } from "./trace-rollup.ts";
import type { TraceStatsQuery } from "./trace-store.ts";

/** the rollup rows a stats query reads: its dimension's day (or hour) rows over the buckets from/to overlap */
export function traceStatsRange(q: TraceStatsQuery): { dim: string; from: number; to: number } {
  const bucket = q.period === "hour" ? hourOf : dayOf;
  return {
    dim: q.period === "hour" ? traceHourDim(q.groupBy) : q.groupBy,
    from: q.from !== undefined ? bucket(q.from) : -1e9,
    to: q.to !== undefined ? bucket(q.to - 1) : 1e9,
  };
}

function labelOf(period: TraceStatsQuery["period"], bucket: number): string {
  if (period === "hour") return hourLabel(bucket);
  if (period === "day") return dayLabel(bucket);
  return period === "month" ? monthLabel(bucket) : "all";
}

const per = (total: number, traces: number) => (traces ? Math.round((total / traces) * 1e6) / 1e6 : 0);

export function traceStatsFromRollups(rows: Iterable<TraceRollupDelta>, period: TraceStatsQuery["period"]): TraceStatsRow[] {
  const groups = new Map<string, { period: string; delta: TraceRollupDelta }>();
  for (const r of rows) {
    const label = labelOf(period, r.bucket);
    const id = `${label}\u0000${r.key}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { period: label, delta: emptyTraceDelta(r.dim, r.key, r.bucket) }));
    mergeTraceDelta(g.delta, r);
  }
  return [...groups.values()].map(({ period: label, delta: d }) => {
    const row: TraceStatsRow = {
      period: label, key: d.key, traces: d.traces, costUSD: Math.round(d.costUSD * 1e6) / 1e6,
      inputTokens: d.inputTokens, outputTokens: d.outputTokens, llmCalls: d.llmCalls, errors: d.errors,
      costPerTrace: per(d.costUSD, d.traces), tokensPerTrace: per(d.inputTokens + d.outputTokens, d.traces),
      llmCallsPerTrace: per(d.llmCalls, d.traces), p50: {}, p95: {}, mean: {},
    };
    for (const [c, m] of Object.entries(d.measures) as [TraceTimeComponent, NonNullable<TraceRollupDelta["measures"][TraceTimeComponent]>][]) {
      const [p50, p95] = histogramPercentiles(m.hist, [0.5, 0.95]);
      if (p50 !== undefined) row.p50[c] = p50;
      if (p95 !== undefined) row.p95[c] = p95;
      if (m.count) row.mean[c] = Math.round((m.sum / m.count) * 10) / 10;
    }
    return row;
  }).sort((a, b) => a.period.localeCompare(b.period) || b.costUSD - a.costUSD);
}
