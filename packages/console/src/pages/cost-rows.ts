// Month over month: each row beside the same key's row of the period before.
import type { StatsRowWithQuality } from "../api/types.ts";

/** each row with the cost of the same key in the period before it */
export function withPrevious(rows: StatsRowWithQuality[]): (StatsRowWithQuality & { previousUSD?: number })[] {
  const sorted = [...rows].sort((a, b) => a.key.localeCompare(b.key) || a.period.localeCompare(b.period));
  return sorted.map((row, i) => {
    const before = sorted[i - 1];
    return before && before.key === row.key ? { ...row, previousUSD: before.costUSD } : row;
  });
}
