// The per-day measures anomalies are looked for in, each read from one /v1/stats
// day row (so from the day rollups). "Extensive" measures grow with traffic and
// follow the weekly cycle; the others are rates that should hold steady.
import type { StatsRow } from "../store/call-store.ts";

export const METRICS = ["calls", "tokens", "tokensPerRequest", "cost", "costPerRequest", "latencyP95", "ttftP95", "errorRate"] as const;
export type Metric = (typeof METRICS)[number];

export interface MetricSpec {
  label: string;
  extensive: boolean;
  /** undefined when the day has nothing to measure (no calls, no latencies) */
  value(row: StatsRow): number | undefined;
  /** the smallest change worth a person's attention, relative to the baseline */
  minRelativeChange: number;
  /** the same, in the metric's own unit (keeps tiny baselines from flagging noise) */
  minAbsoluteChange: number;
  format(value: number): string;
}

const perCall = (n: number, row: StatsRow) => (row.calls > 0 ? n / row.calls : undefined);
const count = (v: number) => Math.round(v).toLocaleString("en-US");
const usd = (v: number) => `$${v < 1 ? v.toPrecision(3) : v.toFixed(2)}`;
const ms = (v: number) => `${Math.round(v)} ms`;

export const METRIC_SPECS: Record<Metric, MetricSpec> = {
  calls: { label: "requests", extensive: true, value: (r) => r.calls, minRelativeChange: 0.5, minAbsoluteChange: 20, format: count },
  tokens: { label: "daily tokens", extensive: true, value: (r) => r.inputTokens + r.outputTokens, minRelativeChange: 0.3, minAbsoluteChange: 5000, format: count },
  tokensPerRequest: {
    label: "tokens per request",
    extensive: false,
    value: (r) => perCall(r.inputTokens + r.outputTokens, r),
    minRelativeChange: 0.3,
    minAbsoluteChange: 20,
    format: count,
  },
  cost: { label: "daily cost", extensive: true, value: (r) => r.costUSD, minRelativeChange: 0.3, minAbsoluteChange: 0.05, format: usd },
  costPerRequest: { label: "cost per request", extensive: false, value: (r) => perCall(r.costUSD, r), minRelativeChange: 0.3, minAbsoluteChange: 1e-5, format: usd },
  latencyP95: { label: "p95 latency", extensive: false, value: (r) => r.latencyP95Ms, minRelativeChange: 0.3, minAbsoluteChange: 200, format: ms },
  ttftP95: { label: "p95 time to first token", extensive: false, value: (r) => r.ttftP95Ms, minRelativeChange: 0.3, minAbsoluteChange: 100, format: ms },
  errorRate: {
    label: "error rate",
    extensive: false,
    value: (r) => perCall(r.errors, r),
    minRelativeChange: 0.5,
    minAbsoluteChange: 0.015,
    format: (v) => `${(v * 100).toFixed(1)}%`,
  },
};

export function isMetric(name: string): name is Metric {
  return (METRICS as readonly string[]).includes(name);
}
