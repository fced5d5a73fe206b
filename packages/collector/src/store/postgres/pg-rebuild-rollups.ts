// Recomputes every rollup row from the calls table with ingest's folding code,
// one day at a time: for repair after a bulk load that bypassed ingest (the
// PostgreSQL twin of rebuild-rollups.ts). Days whose calls were retired by
// dropCallsBefore lose their rollups too, so run it only when that is wanted.
import type pg from "pg";
import type { CallRow } from "../call-row.ts";
import { dayOf, DAY_MS } from "../time-buckets.ts";
import { addToRollups } from "./pg-aggregates.ts";
import { inTransaction } from "./pool.ts";

const COLUMNS = "started_at, department, feature, user_id, model, provider, prompt_id, fingerprint, input_tokens, output_tokens, cost_usd, error_kind, duration_ms, ttft_ms";

export async function rebuildPgRollups(pool: pg.Pool, progress: (rows: number) => void = () => {}): Promise<number> {
  const { rows: span } = await pool.query<{ lo: number | null; hi: number | null }>("SELECT MIN(started_at) AS lo, MAX(started_at) AS hi FROM calls");
  await pool.query("DELETE FROM rollup");
  const { lo, hi } = span[0]!;
  if (lo === null || hi === null) return 0;
  let rows = 0;
  for (let day = dayOf(lo); day <= dayOf(hi); day++) {
    const { rows: dayRows } = await pool.query<CallRow>(
      `SELECT ${COLUMNS} FROM calls WHERE started_at >= $1 AND started_at < $2`,
      [day * DAY_MS, (day + 1) * DAY_MS],
    );
    if (dayRows.length) await inTransaction(pool, (c) => addToRollups(c, dayRows));
    rows += dayRows.length;
    progress(rows);
  }
  return rows;
}
