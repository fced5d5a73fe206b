import { percentile } from "./percentile.ts";

export type Summary = { count: number; mean: number; std: number; cv: number; min: number; max: number; p50: number; p95: number };

/**
 * Count, mean, population standard deviation, coefficient of variation
 * (std / |mean|), extremes and percentiles. Non-finite values are ignored; an
 * empty input gives zeros, never NaN.
 */
export function summarize(values: number[]): Summary {
  const finite = (values ?? []).filter((v) => typeof v === "number" && Number.isFinite(v));
  const count = finite.length;
  if (count === 0) return { count: 0, mean: 0, std: 0, cv: 0, min: 0, max: 0, p50: 0, p95: 0 };
  const sorted = [...finite].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / count;
  const variance = sorted.reduce((sum, v) => sum + (v - mean) ** 2, 0) / count;
  const std = Math.sqrt(variance);
  return {
    count,
    mean,
    std,
    cv: mean === 0 ? 0 : std / Math.abs(mean),
    min: sorted[0]!,
    max: sorted[count - 1]!,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
  };
}
