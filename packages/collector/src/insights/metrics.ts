// The per-day measures anomalies are looked for in, each read from one day row
// of the rollups (the /v1/stats row, with the day's quality where calls were
// scored). "Extensive" measures grow with traffic and follow the weekly cycle;
// the others are rates that should hold steady.
import type { DayRow } from "./daily-series.ts";

export const METRICS = [
  "calls", "tokens", "tokensPerRequest", "outputTokensPerRequest", "cost", "costPerRequest", "cachedInputPerRequest", "cacheWriteTokens",
  "latencyP95", "ttftP95", "errorRate", "quality",
] as const;
export type Metric = (typeof METRICS)[number];

export interface MetricSpec {
  label: string;
  extensive: boolean;
  /** undefined when the day has nothing to measure (no calls, no latencies, nothing scored) */
  value(row: DayRow): number | undefined;
  /** the direction that is bad news: +1 for a rise, −1 for a fall */
  worse: 1 | -1;
  /** the smallest change worth a person's attention, relative to the baseline */
  minRelativeChange: number;
  /** the same, in the metric's own unit (keeps tiny baselines from flagging noise) */
  minAbsoluteChange: number;
  /** calls a point needs before this measure is judged, beyond the detector's minimum */
  minCalls?: number;
  format(value: number): string;
}

/** a p95 is only an estimate with a few calls above it: 3 of 60 */
const PERCENTILE_CALLS = 60;

const perCall = (n: number, row: DayRow) => (row.calls > 0 ? n / row.calls : undefined);
const count = (v: number) => Math.round(v).toLocaleString("en-US");
const usd = (v: number) => `$${v < 1 ? v.toPrecision(3) : v.toFixed(2)}`;
const ms = (v: number) => `${Math.round(v)} ms`;

export const METRIC_SPECS: Record<Metric, MetricSpec> = {
  calls: { label: "requests", extensive: true, worse: 1, value: (r) => r.calls, minRelativeChange: 0.5, minAbsoluteChange: 20, format: count },
  tokens: { label: "daily tokens", extensive: true, worse: 1, value: (r) => r.inputTokens + r.outputTokens, minRelativeChange: 0.3, minAbsoluteChange: 5000, format: count },
  tokensPerRequest: {
    label: "tokens per request",
    extensive: false,
    worse: 1,
    value: (r) => perCall(r.inputTokens + r.outputTokens, r),
    minRelativeChange: 0.3,
    minAbsoluteChange: 20,
    format: count,
  },
  // answers growing (a new snapshot, a prompt asking for more) apart from context growing
  outputTokensPerRequest: {
    label: "output tokens per request",
    extensive: false,
    worse: 1,
    value: (r) => perCall(r.outputTokens, r),
    minRelativeChange: 0.3,
    minAbsoluteChange: 20,
    format: count,
  },
  cost: { label: "daily cost", extensive: true, worse: 1, value: (r) => r.costUSD, minRelativeChange: 0.3, minAbsoluteChange: 0.05, format: usd },
  costPerRequest: { label: "cost per request", extensive: false, worse: 1, value: (r) => perCall(r.costUSD, r), minRelativeChange: 0.3, minAbsoluteChange: 1e-5, format: usd },
  // a broken prompt cache raises cost while token counts stay flat: the input read from the cache falls. Per
  // request, as a prompt's cached prefix is a fixed size; its share of the input swings with every huge input
  cachedInputPerRequest: {
    label: "cached input tokens per request",
    extensive: false,
    worse: -1,
    value: (r) => (r.cachedInputTokens !== undefined ? perCall(r.cachedInputTokens, r) : undefined),
    minRelativeChange: 0.3,
    minAbsoluteChange: 100,
    format: count,
  },
  cacheWriteTokens: { label: "daily cache-write tokens", extensive: true, worse: 1, value: (r) => r.cacheWriteTokens ?? 0, minRelativeChange: 0.5, minAbsoluteChange: 5000, format: count },
  latencyP95: { label: "p95 latency", extensive: false, worse: 1, value: (r) => r.latencyP95Ms, minRelativeChange: 0.3, minAbsoluteChange: 200, minCalls: PERCENTILE_CALLS, format: ms },
  ttftP95: { label: "p95 time to first token", extensive: false, worse: 1, value: (r) => r.ttftP95Ms, minRelativeChange: 0.3, minAbsoluteChange: 100, minCalls: PERCENTILE_CALLS, format: ms },
  errorRate: {
    label: "error rate",
    extensive: false,
    worse: 1,
    value: (r) => perCall(r.errors, r),
    minRelativeChange: 0.5,
    minAbsoluteChange: 0.015,
    format: (v) => `${(v * 100).toFixed(1)}%`,
  },
  // the evaluators' mean score (0–100) over the day's scored calls
  quality: { label: "quality score", extensive: false, worse: -1, value: (r) => r.quality, minRelativeChange: 0.08, minAbsoluteChange: 5, format: (v) => v.toFixed(1) },
};

export function isMetric(name: string): name is Metric {
  return (METRICS as readonly string[]).includes(name);
}

/** the measure's name for a day, or for an hour ("daily tokens" is "tokens" in an hour) */
export const metricLabel = (metric: Metric, hour?: number): string => (hour === undefined ? METRIC_SPECS[metric].label : METRIC_SPECS[metric].label.replace(/^daily /, ""));
