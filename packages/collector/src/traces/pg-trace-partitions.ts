// Monthly partitions of traces, made on demand like the calls' (see
// ../store/postgres/partitions.ts), and dropped with the calls' months.
import type pg from "pg";
import { monthPartition, type MonthPartition } from "../store/postgres/partitions.ts";
import { inTransaction } from "../store/postgres/pool.ts";

export function traceMonth(epochMs: number): MonthPartition {
  const p = monthPartition(epochMs);
  return { ...p, name: p.name.replace(/^calls_/, "traces_") };
}

export function createTracePartitionKeeper(pool: pg.Pool) {
  const known = new Set<string>();
  return {
    async ensure(startedAts: Iterable<number>): Promise<void> {
      const missing = new Map<string, MonthPartition>();
      for (const t of startedAts) {
        const p = traceMonth(t);
        if (!known.has(p.name)) missing.set(p.name, p);
      }
      if (!missing.size) return;
      await inTransaction(pool, async (c) => {
        await c.query("SELECT pg_advisory_xact_lock(hashtext('llmscope:partitions'))");
        for (const p of missing.values()) {
          await c.query(`CREATE TABLE IF NOT EXISTS "${p.name}" PARTITION OF traces FOR VALUES FROM (${p.from}) TO (${p.to})`);
        }
      });
      for (const name of missing.keys()) known.add(name);
    },
    forget(): void {
      known.clear();
    },
  };
}

/**
 * Retention for traces, right after the calls' (same cutoff): drops the
 * months of traces that end at or before `cutoff`; returns how many went.
 */
export async function dropTracesBefore(pool: pg.Pool, cutoff: number): Promise<number> {
  return inTransaction(pool, async (c) => {
    await c.query("SELECT pg_advisory_xact_lock(hashtext('llmscope:partitions'))");
    const { rows } = await c.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'traces'::regclass",
    );
    let traces = 0;
    for (const { name } of rows) {
      const m = /^traces_(-?\d{4,})(\d{2})$/.exec(name);
      if (!m || traceMonth(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).to > cutoff) continue;
      const { rows: n } = await c.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "${name}"`);
      traces += n[0]!.n;
      await c.query(`DROP TABLE "${name}"`);
    }
    return traces;
  });
}
