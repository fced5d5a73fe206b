// The PostgreSQL twin of ../rebuild-rollups.ts: recomputes the rollup rows of
// every day that still has calls with ingest's folding code, one day at a
// time, in one transaction. Days whose calls retention has dropped keep the
// rollups they had.
import type pg from "pg";
import type { CallRow } from "../call-row.ts";
import { CLEAR_ROLLUP_SPAN, clearSpanParams, REBUILD_COLUMNS } from "../rebuild-rollups.ts";
import { dayOf, DAY_MS } from "../time-buckets.ts";
import { addToRollups } from "./pg-aggregates.ts";
import { inTransaction } from "./pool.ts";

export async function rebuildPgRollups(pool: pg.Pool, progress: (rows: number) => void = () => {}): Promise<number> {
  return inTransaction(pool, async (db) => {
    // A collector ingesting meanwhile waits at its rollup step until this
    // commits, then adds its calls (which this transaction did not see) on
    // top; one already past that step is waited for here, and its calls are
    // counted. Either way no call is counted twice or left out.
    await db.query("LOCK TABLE rollup IN SHARE ROW EXCLUSIVE MODE");
    const { rows: span } = await db.query<{ lo: string | null; hi: string | null }>("SELECT MIN(started_at) AS lo, MAX(started_at) AS hi FROM calls");
    const { lo, hi } = span[0]!;
    if (lo === null || hi === null) return 0;
    const [from, to] = [dayOf(Number(lo)), dayOf(Number(hi))];
    await db.query(CLEAR_ROLLUP_SPAN, clearSpanParams(from, to));
    let rows = 0;
    for (let day = from; day <= to; day++) {
      const { rows: dayRows } = await db.query<CallRow>(
        `SELECT ${REBUILD_COLUMNS} FROM calls WHERE started_at >= $1 AND started_at < $2`,
        [day * DAY_MS, (day + 1) * DAY_MS],
      );
      if (dayRows.length) await addToRollups(db, dayRows);
      rows += dayRows.length;
      progress(rows);
    }
    return rows;
  });
}
