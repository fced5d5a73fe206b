/** The p-th percentile (0..100) of ascending values, interpolating linearly between ranks; 0 for no values. */
export function percentile(sortedValues: number[], p: number): number {
  const n = sortedValues.length;
  if (n === 0) return 0;
  const clamped = Number.isFinite(p) ? Math.min(100, Math.max(0, p)) : 0;
  const rank = (clamped / 100) * (n - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sortedValues[lower]!;
  return low + (sortedValues[upper]! - low) * (rank - lower);
}
