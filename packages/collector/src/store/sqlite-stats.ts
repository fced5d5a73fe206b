// /v1/stats reads the day rollups, never the calls table: a million stored
// calls are a few hundred rollup rows per dimension.
import type Database from "better-sqlite3";
import type { RollupRow, StatsQuery, StatsRow } from "./call-store.ts";
import { statsRollupRange, statsFromRollups } from "./stats-from-rollups.ts";
import type { RollupDbRow } from "./rollup.ts";

export function createStats(db: Database.Database) {
  const byDim = db.prepare("SELECT * FROM rollup WHERE dim = ? AND day >= ? AND day <= ?");
  return (q: StatsQuery): StatsRow[] => {
    const { dim, from, to } = statsRollupRange(q);
    return statsFromRollups(byDim.iterate(dim, from, to) as Iterable<RollupDbRow>, q.period);
  };
}

export function createRollupReader(db: Database.Database) {
  // One statement for every key of a batch (json_each expands the list), so a
  // batch touching 200 users costs one query, not 200.
  const many = db.prepare(`SELECT dim, key, day, calls, input_tokens, output_tokens, cost_usd, errors FROM rollup
    WHERE dim = ? AND key IN (SELECT value FROM json_each(?)) AND day >= ? AND day <= ?`);
  return (dim: string, keys: string[], fromDay: number, toDay: number): RollupRow[] =>
    (many.all(dim, JSON.stringify(keys), fromDay, toDay) as RollupDbRow[]).map((r) => ({
      dim: r.dim, key: r.key, day: r.day, calls: r.calls, inputTokens: r.input_tokens,
      outputTokens: r.output_tokens, costUSD: r.cost_usd, errors: r.errors,
    }));
}
