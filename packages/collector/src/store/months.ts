// Retention works in whole calendar months (UTC) on every store: PostgreSQL
// keeps a partition per month and drops it; SQLite deletes the same months'
// rows. Both name a month as its calls partition is named ("calls_202601").
export interface MonthPartition {
  name: string;
  /** epoch ms, inclusive */
  from: number;
  /** epoch ms, exclusive */
  to: number;
}

export function monthPartition(epochMs: number): MonthPartition {
  const d = new Date(epochMs);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const year = y < 0 ? "-" + String(-y).padStart(4, "0") : String(y).padStart(4, "0");
  return { name: `calls_${year}${String(m + 1).padStart(2, "0")}`, from: Date.UTC(y, m, 1), to: Date.UTC(y, m + 1, 1) };
}

export interface RetentionResult {
  /** months dropped (named as their calls partition), oldest first */
  partitions: string[];
  /** calls they held */
  calls: number;
  /** traces dropped with the same months */
  traces?: number;
}
