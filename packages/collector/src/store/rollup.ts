// A batch is folded into per-(dimension, key, day) deltas in memory first, so
// a 500-call batch costs a handful of upserts rather than thousands. Calls are
// also folded per hour, for the hour-of-day baselines that catch an incident
// too short to move a whole day.
import type { RollupRow } from "./call-store.ts";
import type { CallRow } from "./call-row.ts";
import { histogramBucket, mergeHistograms, type Histogram } from "./histogram.ts";
import { dayOf, hourOf } from "./time-buckets.ts";

/** dimension → the key a call is counted under ("" when the call has no such tag) */
export const ROLLUP_DIMENSIONS: Record<string, (row: CallRow) => string> = {
  all: () => "",
  department: (r) => r.department ?? "",
  feature: (r) => r.feature ?? "",
  user: (r) => r.user_id ?? "",
  model: (r) => r.model ?? "",
  provider: (r) => r.provider,
  promptId: (r) => r.prompt_id ?? "",
  prompt: (r) => r.prompt_id ?? r.fingerprint,
  // the snapshot the provider served, beside the model asked for: a provider moving an alias changes this alone
  responseModel: (r) => r.response_model ?? "",
};

/**
 * Dimensions also rolled up per hour, stored as "<dimension>@hour" rows whose
 * day column holds the hour number (hours since the epoch): every dimension a
 * root cause is named in, so an incident of two hours is explained at its
 * hour. A row exists only for a key's hours with calls, so a user calling in
 * three hours of the day adds three rows, however many users there are.
 */
export const HOURLY_DIMENSIONS = ["all", "provider", "model", "feature", "department", "user", "prompt"] as const;
export type HourlyDimension = (typeof HOURLY_DIMENSIONS)[number];
export const hourlyDim = (dimension: HourlyDimension): string => `${dimension}@hour`;
export const isHourlyDimension = (dimension: string): dimension is HourlyDimension => (HOURLY_DIMENSIONS as readonly string[]).includes(dimension);

/** a rollup row's change from one batch, with the detail the stored row keeps as JSON */
export interface RollupDelta extends RollupRow {
  errorsByKind: Record<string, number>;
  latency: Histogram;
  /** streamed calls only: a non-streamed call's first token arrives with its whole body */
  ttft: Histogram;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  /** the streamed calls, which the TTFT histogram is over */
  streamed: number;
}

export function emptyDelta(dim: string, key: string, day: number): RollupDelta {
  return { dim, key, day, calls: 0, inputTokens: 0, outputTokens: 0, costUSD: 0, errors: 0, errorsByKind: {}, latency: {}, ttft: {}, cachedInputTokens: 0, cacheWriteTokens: 0, streamed: 0 };
}

const parsed = <T>(v: string | T): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

/** a stored rollup row as a delta to merge into (JSON columns as SQLite's text or PostgreSQL's parsed jsonb) */
export function deltaOfRow(r: RollupInput): RollupDelta {
  return {
    dim: r.dim, key: r.key, day: r.day, calls: Number(r.calls), inputTokens: r.input_tokens, outputTokens: r.output_tokens,
    costUSD: r.cost_usd, errors: Number(r.errors), errorsByKind: parsed(r.errors_by_kind), latency: parsed(r.latency_hist),
    ttft: parsed(r.ttft_hist), cachedInputTokens: r.cached_input_tokens ?? 0, cacheWriteTokens: r.cache_write_tokens ?? 0, streamed: Number(r.streamed ?? 0),
  };
}

const DAY_DIMENSIONS = Object.entries(ROLLUP_DIMENSIONS);
const HOUR_DIMENSIONS = HOURLY_DIMENSIONS.map((d) => [hourlyDim(d), ROLLUP_DIMENSIONS[d]!] as const);

/** what one call adds to each row it is counted in, worked out once for all of them */
interface RowContribution {
  row: CallRow;
  latencyBucket: string | undefined;
  ttftBucket: string | undefined;
}

export function foldBatch(rows: CallRow[]): RollupDelta[] {
  // bucket → one map per dimension, key → delta: a batch spans a day or two
  // and a few hours, so each call costs a lookup per dimension and no string
  // building (each call is counted in 15 rows)
  const deltas: RollupDelta[] = [];
  const days = new Map<number, Map<string, RollupDelta>[]>();
  const hours = new Map<number, Map<string, RollupDelta>[]>();
  type Dimensions = readonly (readonly [string, (row: CallRow) => string])[];
  const fold = (dims: Dimensions, buckets: typeof days, bucket: number, c: RowContribution) => {
    let maps = buckets.get(bucket);
    if (!maps) buckets.set(bucket, (maps = []));
    for (let i = 0; i < dims.length; i++) {
      const [dim, keyOf] = dims[i]!;
      const key = keyOf(c.row);
      const byKey = (maps[i] ??= new Map());
      let d = byKey.get(key);
      if (!d) {
        byKey.set(key, (d = emptyDelta(dim, key, bucket)));
        deltas.push(d);
      }
      addRow(d, c);
    }
  };
  for (const row of rows) {
    // a row stored before streaming was kept (stream null) counts as before
    const c = { row, latencyBucket: histogramBucket(row.duration_ms), ttftBucket: row.stream === 0 ? undefined : histogramBucket(row.ttft_ms) };
    fold(DAY_DIMENSIONS, days, dayOf(row.started_at), c);
    fold(HOUR_DIMENSIONS, hours, hourOf(row.started_at), c);
  }
  return deltas;
}

/**
 * Cost is summed in whole nano-dollars: float sums depend on the order they
 * are taken in, and a rebuild folds calls in another order than ingest did,
 * which moved a day's cost across a rounding edge. Integer sums below 2^53
 * (9 million dollars a row) do not; a call's cost loses under half a
 * nano-dollar.
 */
export const addCost = (a: number, b: number): number => (Math.round(a * 1e9) + Math.round(b * 1e9)) / 1e9;

function addRow(d: RollupDelta, { row, latencyBucket, ttftBucket }: RowContribution): void {
  d.calls += 1;
  d.inputTokens += row.input_tokens ?? 0;
  d.outputTokens += row.output_tokens ?? 0;
  d.costUSD = addCost(d.costUSD, row.cost_usd ?? 0);
  d.cachedInputTokens += row.cached_input_tokens ?? 0;
  d.cacheWriteTokens += row.cache_write_tokens ?? 0;
  if (row.stream === 1) d.streamed += 1;
  if (row.error_kind) {
    d.errors += 1;
    d.errorsByKind[row.error_kind] = (d.errorsByKind[row.error_kind] ?? 0) + 1;
  }
  if (latencyBucket !== undefined) d.latency[latencyBucket] = (d.latency[latencyBucket] ?? 0) + 1;
  if (ttftBucket !== undefined) d.ttft[ttftBucket] = (d.ttft[ttftBucket] ?? 0) + 1;
}

export function mergeDelta(into: RollupDelta, from: RollupDelta): RollupDelta {
  into.calls += from.calls;
  into.inputTokens += from.inputTokens;
  into.outputTokens += from.outputTokens;
  into.costUSD = addCost(into.costUSD, from.costUSD);
  into.errors += from.errors;
  into.cachedInputTokens += from.cachedInputTokens;
  into.cacheWriteTokens += from.cacheWriteTokens;
  into.streamed += from.streamed;
  for (const [k, n] of Object.entries(from.errorsByKind)) into.errorsByKind[k] = (into.errorsByKind[k] ?? 0) + n;
  mergeHistograms(into.latency, from.latency);
  mergeHistograms(into.ttft, from.ttft);
  return into;
}

/** a row of the rollups table as SQLite returns it */
export interface RollupDbRow {
  dim: string;
  key: string;
  day: number;
  calls: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  errors: number;
  errors_by_kind: string;
  latency_hist: string;
  ttft_hist: string;
  cached_input_tokens: number;
  cache_write_tokens: number;
  streamed: number;
}

/** JSON columns may arrive as text (SQLite) or already parsed (PostgreSQL jsonb); counts added later may be absent */
export type RollupInput = Omit<RollupDbRow, "errors_by_kind" | "latency_hist" | "ttft_hist" | "cached_input_tokens" | "cache_write_tokens" | "streamed"> & {
  errors_by_kind: string | Record<string, number>;
  latency_hist: string | Histogram;
  ttft_hist: string | Histogram;
  cached_input_tokens?: number;
  cache_write_tokens?: number;
  streamed?: number;
};
