// /v1/stats and reports: each cost row gets the quality and satisfaction of
// the same (period, key), when there is any.
import type { QualityStatsRow, StatsRow } from "../store/call-store.ts";

/** calls scored and the mean of each component */
export type RowQuality = Omit<QualityStatsRow, "period" | "key" | "thumbsUp" | "thumbsDown" | "satisfaction">;

export interface RowSatisfaction {
  up: number;
  down: number;
  /** share of 👍 among the votes, 0..1 */
  rate: number;
}

export type StatsRowWithQuality = StatsRow & { quality?: RowQuality; satisfaction?: RowSatisfaction };

export function withQuality(rows: StatsRow[], quality: QualityStatsRow[]): StatsRowWithQuality[] {
  const byId = new Map(quality.map((q) => [`${q.period}\u0000${q.key}`, q]));
  return rows.map((row) => {
    const q = byId.get(`${row.period}\u0000${row.key}`);
    if (!q) return row;
    const out: StatsRowWithQuality = { ...row };
    if (q.scored) {
      const { period: _p, key: _k, thumbsUp: _u, thumbsDown: _d, satisfaction: _s, ...scores } = q;
      out.quality = scores;
    }
    if (q.satisfaction !== undefined) out.satisfaction = { up: q.thumbsUp, down: q.thumbsDown, rate: q.satisfaction };
    return out;
  });
}
