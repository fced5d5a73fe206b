// Log-scale latency histograms let p50/p95 come from pre-aggregated rows
// instead of sorting millions of raw values. Bucket edges grow by 5%, so a
// percentile read from a histogram is within ~2.5% of the exact value.
const GROWTH = 1.05;
const LOG_GROWTH = Math.log(GROWTH);

/** sparse bucket index → count */
export type Histogram = Record<string, number>;

export function bucketOf(ms: number): number {
  if (!(ms > 0)) return 0;
  return Math.floor(Math.log(ms + 1) / LOG_GROWTH);
}

/** geometric middle of a bucket, in ms */
export function bucketValue(bucket: number): number {
  const lo = Math.pow(GROWTH, bucket) - 1;
  const hi = Math.pow(GROWTH, bucket + 1) - 1;
  return bucket === 0 ? 0 : Math.sqrt((lo + 1) * (hi + 1)) - 1;
}

/** the bucket a duration is counted in; undefined for none to count */
export function histogramBucket(ms: number | null | undefined): string | undefined {
  if (ms === undefined || ms === null || !Number.isFinite(ms) || ms < 0) return undefined;
  return String(bucketOf(ms));
}

export function addToHistogram(h: Histogram, ms: number | undefined): void {
  const b = histogramBucket(ms);
  if (b !== undefined) h[b] = (h[b] ?? 0) + 1;
}

export function mergeHistograms(into: Histogram, from: Histogram): Histogram {
  for (const [b, n] of Object.entries(from)) into[b] = (into[b] ?? 0) + n;
  return into;
}

/** nearest-rank percentile (p in 0..1); undefined for an empty histogram */
export function histogramPercentile(h: Histogram, p: number): number | undefined {
  return histogramPercentiles(h, [p])[0];
}

/** several nearest-rank percentiles (each p in 0..1) from one pass over the sorted buckets */
export function histogramPercentiles(h: Histogram, ps: readonly number[]): (number | undefined)[] {
  const buckets = Object.entries(h)
    .map(([b, n]) => [Number(b), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  return ps.map((p) => {
    if (total === 0) return undefined;
    const rank = Math.max(1, Math.ceil(p * total));
    let seen = 0;
    for (const [b, n] of buckets) {
      seen += n;
      if (seen >= rank) return Math.round(bucketValue(b) * 10) / 10;
    }
    return undefined;
  });
}
