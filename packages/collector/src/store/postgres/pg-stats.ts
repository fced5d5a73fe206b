// /v1/stats and the alert rules read the day rollups, never the calls table.
import type pg from "pg";
import type { RollupRow, StatsQuery, StatsRow } from "../call-store.ts";
import type { RollupDbRow } from "../rollup.ts";
import { statsRollupRange, statsFromRollups } from "../stats-from-rollups.ts";

export function createPgStats(pool: pg.Pool) {
  return {
    async stats(q: StatsQuery): Promise<StatsRow[]> {
      const { dim, from, to } = statsRollupRange(q);
      const { rows } = await pool.query("SELECT * FROM rollup WHERE dim = $1 AND day >= $2 AND day <= $3", [dim, from, to]);
      return statsFromRollups(rows, q.period);
    },

    async rollups(dim: string, keys: string[], fromDay: number, toDay: number): Promise<RollupRow[]> {
      const { rows } = await pool.query<RollupDbRow>(
        `SELECT dim, key, day, calls, input_tokens, output_tokens, cost_usd, errors FROM rollup
         WHERE dim = $1 AND key = ANY($2::text[]) AND day >= $3 AND day <= $4`,
        [dim, keys, fromDay, toDay],
      );
      return rows.map((r) => ({
        dim: r.dim, key: r.key, day: r.day, calls: r.calls, inputTokens: r.input_tokens,
        outputTokens: r.output_tokens, costUSD: r.cost_usd, errors: r.errors,
      }));
    },
  };
}
