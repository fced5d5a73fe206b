// Recomputes every rollup row from the calls table with the same folding code
// ingest uses. For repair after a manual import or a bulk load that bypassed
// ingest. Reads in started_at order and writes out each day as it completes,
// so memory stays bounded by one day's distinct keys.
import type Database from "better-sqlite3";
import type { CallRow } from "./call-row.ts";
import { foldBatch, mergeDelta, type RollupDelta } from "./rollup.ts";
import { dayOf } from "./time-buckets.ts";

const COLUMNS = "started_at, department, feature, user_id, model, provider, prompt_id, fingerprint, input_tokens, output_tokens, cost_usd, error_kind, duration_ms, ttft_ms";

export function rebuildRollups(db: Database.Database, progress: (rows: number) => void = () => {}): number {
  const write = db.prepare(`INSERT OR REPLACE INTO rollup (dim, key, day, calls, input_tokens, output_tokens, cost_usd,
      errors, errors_by_kind, latency_hist, ttft_hist) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const read = db.prepare(`SELECT ${COLUMNS} FROM calls WHERE started_at >= ? AND started_at < ? ORDER BY started_at`);
  const span = db.prepare("SELECT MIN(started_at) AS lo, MAX(started_at) AS hi FROM calls").get() as { lo: number | null; hi: number | null };
  db.exec("DELETE FROM rollup");
  if (span.lo === null || span.hi === null) return 0;
  let rows = 0;
  const flushDay = db.transaction((deltas: Iterable<RollupDelta>) => {
    for (const d of deltas) {
      write.run(d.dim, d.key, d.day, d.calls, d.inputTokens, d.outputTokens, d.costUSD, d.errors,
        JSON.stringify(d.errorsByKind), JSON.stringify(d.latency), JSON.stringify(d.ttft));
    }
  });
  for (let day = dayOf(span.lo); day <= dayOf(span.hi); day++) {
    const merged = new Map<string, RollupDelta>();
    const dayRows = read.all(day * 86_400_000, (day + 1) * 86_400_000) as CallRow[];
    for (let i = 0; i < dayRows.length; i += 5000) {
      for (const d of foldBatch(dayRows.slice(i, i + 5000))) {
        const id = `${d.dim}\u0000${d.key}\u0000${d.day}`;
        const into = merged.get(id);
        merged.set(id, into ? mergeDelta(into, d) : d);
      }
    }
    flushDay(merged.values());
    rows += dayRows.length;
    progress(rows);
  }
  return rows;
}
