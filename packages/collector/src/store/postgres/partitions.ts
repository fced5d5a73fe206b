// Monthly partitions of calls, made on demand before a batch that needs them,
// and retention as dropping whole months.
import type pg from "pg";
import { inTransaction } from "./pool.ts";
import { monthPartition, type MonthPartition, type RetentionResult } from "../months.ts";

export { monthPartition, type MonthPartition, type RetentionResult };

const NAME = /^calls_(-?\d{4,})(\d{2})$/;

function partitionOfName(name: string): MonthPartition | undefined {
  const m = NAME.exec(name);
  return m ? monthPartition(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : undefined;
}

export async function listPartitions(db: pg.Pool | pg.PoolClient): Promise<MonthPartition[]> {
  const { rows } = await db.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'calls'::regclass",
  );
  return rows.flatMap((r) => partitionOfName(r.name) ?? []).sort((a, b) => a.from - b.from);
}

/** remembers which months exist, so a batch into known months costs no query */
export function createPartitionKeeper(pool: pg.Pool) {
  const known = new Set<string>();
  return {
    async ensure(startedAts: Iterable<number>): Promise<void> {
      const missing = new Map<string, MonthPartition>();
      for (const t of startedAts) {
        const p = monthPartition(t);
        if (!known.has(p.name)) missing.set(p.name, p);
      }
      if (!missing.size) return;
      // its own short transaction, before the ingest one: creating a partition
      // locks the parent table, which must not wait behind ingest's row locks
      await inTransaction(pool, async (c) => {
        await c.query("SELECT pg_advisory_xact_lock(hashtext('llmscope:partitions'))");
        for (const p of missing.values()) {
          await c.query(`CREATE TABLE IF NOT EXISTS "${p.name}" PARTITION OF calls FOR VALUES FROM (${p.from}) TO (${p.to})`);
        }
      });
      for (const name of missing.keys()) known.add(name);
    },
    /** after another collector dropped a month this one still thought existed */
    forget(): void {
      known.clear();
    },
  };
}

/**
 * Drops every month that ends at or before `cutoff` (epoch ms): a partition
 * drop, not a row-by-row delete. Calls of the month the cutoff falls in stay.
 * Day rollups are kept, so stats and cost history outlive the raw calls.
 */
export async function dropCallsBefore(pool: pg.Pool, cutoff: number): Promise<RetentionResult> {
  return inTransaction(pool, async (c) => {
    await c.query("SELECT pg_advisory_xact_lock(hashtext('llmscope:partitions'))");
    const old = (await listPartitions(c)).filter((p) => p.to <= cutoff);
    let calls = 0;
    for (const p of old) {
      const { rows } = await c.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "${p.name}"`);
      calls += rows[0]!.n;
      await c.query(`DROP TABLE "${p.name}"`);
      await c.query("DELETE FROM call_ids WHERE started_at >= $1 AND started_at < $2", [p.from, p.to]);
    }
    return { partitions: old.map((p) => p.name), calls };
  });
}
