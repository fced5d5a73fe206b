// Recomputes the rollup rows of every day that has calls, with the same folding
// code ingest uses: for repair after a manual import or a bulk load that
// bypassed ingest, and to add the hour rows to days stored before there were
// any. Days outside the calls' span keep their rows. Reads in started_at order
// and writes out each day as it completes, so memory stays bounded by one
// day's calls.
import type Database from "better-sqlite3";
import type { CallRow } from "./call-row.ts";
import { foldBatch } from "./rollup.ts";
import { dayOf, DAY_MS } from "./time-buckets.ts";

export const REBUILD_COLUMNS = "started_at, department, feature, user_id, model, provider, prompt_id, fingerprint, input_tokens, output_tokens, cost_usd, error_kind, duration_ms, ttft_ms, response_model, stream, cached_input_tokens, cache_write_tokens";

/** the rollup rows of days and hours in a span, as one statement for both engines (parameters: clearSpanParams) */
export const CLEAR_ROLLUP_SPAN = `DELETE FROM rollup WHERE (dim NOT LIKE '%@hour' AND day >= $1 AND day <= $2)
  OR (dim LIKE '%@hour' AND day >= $3 AND day <= $4)`;

/** days fromDay..toDay, then the hours they hold (an hour row's day column is its hour number) */
export const clearSpanParams = (fromDay: number, toDay: number): number[] => [fromDay, toDay, fromDay * 24, toDay * 24 + 23];

export function rebuildRollups(db: Database.Database, progress: (rows: number) => void = () => {}): number {
  const write = db.prepare(`INSERT OR REPLACE INTO rollup (dim, key, day, calls, input_tokens, output_tokens, cost_usd,
      errors, errors_by_kind, latency_hist, ttft_hist, cached_input_tokens, cache_write_tokens, streamed)
      VALUES (${Array(14).fill("?").join(", ")})`);
  const read = db.prepare(`SELECT ${REBUILD_COLUMNS} FROM calls WHERE started_at >= ? AND started_at < ? ORDER BY started_at`);
  const clear = db.prepare(CLEAR_ROLLUP_SPAN.replace(/\$\d/g, "?"));
  // One transaction, taken for writing at once: a collector serving this file
  // waits at its next commit (up to its busy timeout) instead of adding a
  // batch that a later day of the rebuild would count a second time.
  const rebuild = db.transaction((lo: number, hi: number) => {
    const [from, to] = [dayOf(lo), dayOf(hi)];
    clear.run(...clearSpanParams(from, to));
    let rows = 0;
    for (let day = from; day <= to; day++) {
      const dayRows = read.all(day * DAY_MS, (day + 1) * DAY_MS) as CallRow[];
      for (const d of foldBatch(dayRows)) {
        write.run(d.dim, d.key, d.day, d.calls, d.inputTokens, d.outputTokens, d.costUSD, d.errors,
          JSON.stringify(d.errorsByKind), JSON.stringify(d.latency), JSON.stringify(d.ttft), d.cachedInputTokens,
          d.cacheWriteTokens, d.streamed);
      }
      rows += dayRows.length;
      progress(rows);
    }
    return rows;
  });
  const span = db.prepare("SELECT MIN(started_at) AS lo, MAX(started_at) AS hi FROM calls").get() as { lo: number | null; hi: number | null };
  return span.lo === null || span.hi === null ? 0 : rebuild.immediate(span.lo, span.hi);
}
