// qualityStats on PostgreSQL: the scores from quality_rollup and the votes
// from the calls that carry feedback, grouped and rounded as on SQLite.
import type pg from "pg";
import type { QualityQuery, QualityStatsRow } from "../call-store.ts";
import { dayLabel, dayOf, monthLabel } from "../time-buckets.ts";
import { QUALITY_COMPONENTS as COMPONENTS, QUALITY_DIMENSION_SQL as DIMENSION_SQL } from "../quality-dimensions.ts";

const DAY_MS = 86_400_000;

interface Group {
  row: QualityStatsRow;
  sums: Record<string, number>;
  counts: Record<string, number>;
  average: number;
}

type QualityDbRow = { key: string; day: number; scored: number; average_sum: number } & Record<string, number | string>;

export function createPgQualityStats(pool: pg.Pool) {
  return async (q: QualityQuery): Promise<QualityStatsRow[]> => {
    const keySql = DIMENSION_SQL[q.groupBy];
    if (!keySql) throw new Error(`unknown dimension ${q.groupBy}`);
    const fromDay = q.from !== undefined ? dayOf(q.from) : -1e9;
    const toDay = q.to !== undefined ? dayOf(q.to - 1) : 1e9;
    const keys = q.keys ?? null;
    const [scores, votes] = await Promise.all([
      pool.query<QualityDbRow>(
        `SELECT * FROM quality_rollup WHERE dim = $1 AND day >= $2 AND day <= $3 AND ($4::text[] IS NULL OR key = ANY($4::text[]))`,
        [q.groupBy, fromDay, toDay, keys],
      ),
      pool.query<{ key: string; day: number; up: number; down: number }>(
        `SELECT * FROM (
           SELECT ${keySql} AS key, (started_at / ${DAY_MS})::int AS day,
             COUNT(*) FILTER (WHERE feedback_score = 1)::int AS up, COUNT(*) FILTER (WHERE feedback_score = -1)::int AS down
           FROM calls WHERE feedback_score IS NOT NULL AND started_at >= $1 AND started_at < $2 GROUP BY 1, 2
         ) v WHERE $3::text[] IS NULL OR key = ANY($3::text[])`,
        [fromDay * DAY_MS, (toDay + 1) * DAY_MS, keys],
      ),
    ]);
    const periodOf = (day: number) => (q.period === "day" ? dayLabel(day) : q.period === "month" ? monthLabel(day) : "all");
    const groups = new Map<string, Group>();
    const group = (key: string, day: number): Group => {
      const period = periodOf(day);
      const id = `${period}\u0000${key}`;
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { row: { period, key, scored: 0, thumbsUp: 0, thumbsDown: 0 }, sums: {}, counts: {}, average: 0 }));
      return g;
    };
    for (const r of scores.rows) {
      const g = group(r.key, r.day);
      g.row.scored += r.scored;
      g.average += r.average_sum;
      for (const c of COMPONENTS) {
        g.sums[c] = (g.sums[c] ?? 0) + (r[`${c}_sum`] as number);
        g.counts[c] = (g.counts[c] ?? 0) + (r[`${c}_n`] as number);
      }
    }
    for (const r of votes.rows) {
      const g = group(r.key, r.day);
      g.row.thumbsUp += r.up;
      g.row.thumbsDown += r.down;
    }
    const round = (n: number) => Math.round(n * 10) / 10;
    return [...groups.values()].map(({ row, sums, counts, average }) => {
      for (const c of COMPONENTS) if (counts[c]) row[c] = round(sums[c]! / counts[c]!);
      if (row.scored) row.average = round(average / row.scored);
      const votesCast = row.thumbsUp + row.thumbsDown;
      if (votesCast) row.satisfaction = Math.round((row.thumbsUp / votesCast) * 1000) / 1000;
      return row;
    });
  };
}
