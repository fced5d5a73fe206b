// Folds day (or hour) rollup rows into /v1/stats rows (period × key,
// percentiles from the merged histograms). Shared by every store: each only reads its rollup rows.
import type { StatsQuery, StatsRow } from "./call-store.ts";
import { histogramPercentiles, mergeHistograms, type Histogram } from "./histogram.ts";
import { dayLabel, dayOf, hourLabel, hourOf, monthLabel } from "./time-buckets.ts";
import { addCost, deltaOfRow, HOURLY_DIMENSIONS, hourlyDim, isHourlyDimension, type RollupInput } from "./rollup.ts";

interface Group {
  row: StatsRow;
  latency: Histogram;
  ttft: Histogram;
}

/** the rollup rows a stats query reads: its dimension's day rows (or hour rows) over the buckets from/to overlap */
export function statsRollupRange(q: StatsQuery): { dim: string; from: number; to: number } {
  const bucket = q.period === "hour" ? hourOf : dayOf;
  const range = { from: q.from !== undefined ? bucket(q.from) : -1e9, to: q.to !== undefined ? bucket(q.to - 1) : 1e9 };
  if (q.period !== "hour") return { dim: q.groupBy, ...range };
  if (!isHourlyDimension(q.groupBy)) throw new RangeError(`hourly stats exist for ${HOURLY_DIMENSIONS.join(", ")}, not ${q.groupBy}`);
  return { dim: hourlyDim(q.groupBy), ...range };
}

export function statsFromRollups(rows: Iterable<RollupInput>, period: StatsQuery["period"]): StatsRow[] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const label = period === "day" ? dayLabel(r.day) : period === "hour" ? hourLabel(r.day) : period === "month" ? monthLabel(r.day) : "all";
    const id = `${label}\u0000${r.key}`;
    let g = groups.get(id);
    if (!g) {
      const row = { period: label, key: r.key, calls: 0, inputTokens: 0, outputTokens: 0, costUSD: 0, errors: 0, errorsByKind: {}, cachedInputTokens: 0, cacheWriteTokens: 0, streamed: 0 };
      g = { row, latency: {}, ttft: {} };
      groups.set(id, g);
    }
    const d = deltaOfRow(r);
    g.row.calls += d.calls;
    g.row.inputTokens += d.inputTokens;
    g.row.outputTokens += d.outputTokens;
    g.row.costUSD = addCost(g.row.costUSD, d.costUSD);
    g.row.errors += d.errors;
    g.row.cachedInputTokens! += d.cachedInputTokens;
    g.row.cacheWriteTokens! += d.cacheWriteTokens;
    g.row.streamed! += d.streamed;
    for (const [k, n] of Object.entries(d.errorsByKind)) g.row.errorsByKind[k] = (g.row.errorsByKind[k] ?? 0) + n;
    mergeHistograms(g.latency, d.latency);
    mergeHistograms(g.ttft, d.ttft);
  }
  return [...groups.values()].map(finish).sort((a, b) => a.period.localeCompare(b.period) || b.costUSD - a.costUSD);
}

function finish(g: Group): StatsRow {
  const row = g.row;
  row.costUSD = Math.round(row.costUSD * 1e6) / 1e6;
  const set = (p50: "latencyP50Ms" | "ttftP50Ms", p95: "latencyP95Ms" | "ttftP95Ms", h: Histogram) => {
    const [v50, v95] = histogramPercentiles(h, [0.5, 0.95]);
    if (v50 !== undefined) row[p50] = v50;
    if (v95 !== undefined) row[p95] = v95;
  };
  set("latencyP50Ms", "latencyP95Ms", g.latency);
  set("ttftP50Ms", "ttftP95Ms", g.ttft);
  return row;
}
