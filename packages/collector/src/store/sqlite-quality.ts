// Quality on SQLite: the evaluation loop reads calls in arrival order (rowid)
// after its cursor, writes scores into the stored records and folds them into
// quality_rollup; satisfaction is counted from calls that carry feedback.
import type Database from "better-sqlite3";
import type { LLMCall } from "@llmscope/core";
import type { CallInOrder, QualityQuery, QualityStatsRow, ScoredCall } from "./call-store.ts";
import type { CallRow } from "./call-row.ts";
import { ROLLUP_DIMENSIONS } from "./rollup.ts";
import { dayLabel, dayOf, monthLabel } from "./time-buckets.ts";
import { QUALITY_COMPONENTS as COMPONENTS, QUALITY_DIMENSION_SQL as DIMENSION_SQL } from "./quality-dimensions.ts";

interface Sums {
  scored: number;
  sums: Record<string, number>;
  counts: Record<string, number>;
  average: number;
}

interface QualityDbRow {
  key: string;
  day: number;
  scored: number;
  [column: string]: number | string;
}

export interface QualityStatements {
  next(limit: number): CallInOrder[];
  save(scored: ScoredCall[], seq: number): void;
  stats(query: QualityQuery): QualityStatsRow[];
}

export function createQualityStore(db: Database.Database): QualityStatements {
  const readCursor = db.prepare("SELECT seq FROM quality_cursor WHERE id = 1").pluck();
  const writeCursor = db.prepare("INSERT OR REPLACE INTO quality_cursor (id, seq) VALUES (1, ?)");
  const newestSeq = db.prepare("SELECT COALESCE(MAX(rowid), 0) FROM calls").pluck();
  // rowid grows with every insert, so it is the arrival order (retention, which deletes the oldest calls, keeps the cursor from running past a rowid SQLite hands out again)
  const after = db.prepare("SELECT rowid AS seq, record FROM calls WHERE rowid > ? ORDER BY rowid LIMIT ?");
  const columns = db.prepare("SELECT started_at, department, feature, user_id, model, provider, prompt_id, fingerprint, response_model FROM calls WHERE id = ?");
  const setQuality = db.prepare("UPDATE calls SET record = json_set(record, '$.quality', json(?)) WHERE id = ?");
  const fold = db.prepare(`INSERT INTO quality_rollup (dim, key, day, scored, relevance_sum, relevance_n, accuracy_sum, accuracy_n,
      coherence_sum, coherence_n, safety_sum, safety_n, average_sum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (dim, key, day) DO UPDATE SET scored = scored + excluded.scored,
      relevance_sum = relevance_sum + excluded.relevance_sum, relevance_n = relevance_n + excluded.relevance_n,
      accuracy_sum = accuracy_sum + excluded.accuracy_sum, accuracy_n = accuracy_n + excluded.accuracy_n,
      coherence_sum = coherence_sum + excluded.coherence_sum, coherence_n = coherence_n + excluded.coherence_n,
      safety_sum = safety_sum + excluded.safety_sum, safety_n = safety_n + excluded.safety_n,
      average_sum = average_sum + excluded.average_sum`);
  const qualityRows = db.prepare("SELECT * FROM quality_rollup WHERE dim = ? AND day >= ? AND day <= ?");
  const thumbsBy = (dim: string) =>
    db.prepare(`SELECT ${DIMENSION_SQL[dim]} AS key, started_at / 86400000 AS day, SUM(feedback_score = 1) AS up, SUM(feedback_score = -1) AS down
      FROM calls INDEXED BY calls_feedback WHERE feedback_score IS NOT NULL AND started_at >= ? AND started_at < ? GROUP BY 1, 2`);
  const thumbs = Object.fromEntries(Object.keys(DIMENSION_SQL).map((d) => [d, thumbsBy(d)]));

  const next = db.transaction((limit: number): CallInOrder[] => {
    let seq = readCursor.get() as number | undefined;
    if (seq === undefined) {
      // calls stored before quality was first turned on are not scored
      seq = newestSeq.get() as number;
      writeCursor.run(seq);
    }
    return (after.all(seq, limit) as { seq: number; record: string }[]).map((r) => ({ seq: r.seq, call: JSON.parse(r.record) as LLMCall }));
  });

  const save = db.transaction((scored: ScoredCall[], seq: number) => {
    const deltas = new Map<string, { dim: string; key: string; day: number; s: Sums }>();
    for (const { callId, quality } of scored) {
      const row = columns.get(callId) as CallRow | undefined;
      if (!row || setQuality.run(JSON.stringify(quality), callId).changes !== 1) continue;
      const day = dayOf(row.started_at);
      for (const [dim, keyOf] of Object.entries(ROLLUP_DIMENSIONS)) {
        const key = keyOf(row);
        const id = `${dim}\u0000${key}\u0000${day}`;
        let d = deltas.get(id);
        if (!d) deltas.set(id, (d = { dim, key, day, s: { scored: 0, sums: {}, counts: {}, average: 0 } }));
        d.s.scored++;
        d.s.average += quality.average ?? 0;
        for (const c of COMPONENTS) {
          const v = quality[c];
          if (v === undefined) continue;
          d.s.sums[c] = (d.s.sums[c] ?? 0) + v;
          d.s.counts[c] = (d.s.counts[c] ?? 0) + 1;
        }
      }
    }
    for (const { dim, key, day, s } of deltas.values()) {
      fold.run(dim, key, day, s.scored, ...COMPONENTS.flatMap((c) => [s.sums[c] ?? 0, s.counts[c] ?? 0]), s.average);
    }
    writeCursor.run(seq);
  });

  function stats(q: QualityQuery): QualityStatsRow[] {
    const fromDay = q.from !== undefined ? dayOf(q.from) : -1e9;
    const toDay = q.to !== undefined ? dayOf(q.to - 1) : 1e9;
    const wanted = q.keys ? new Set(q.keys) : undefined;
    const periodOf = (day: number) => (q.period === "day" ? dayLabel(day) : q.period === "month" ? monthLabel(day) : "all");
    const groups = new Map<string, { row: QualityStatsRow; sums: Record<string, number>; counts: Record<string, number>; average: number }>();
    const group = (key: string, day: number) => {
      const period = periodOf(day);
      const id = `${period}\u0000${key}`;
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { row: { period, key, scored: 0, thumbsUp: 0, thumbsDown: 0 }, sums: {}, counts: {}, average: 0 }));
      return g;
    };
    for (const r of qualityRows.iterate(q.groupBy, fromDay, toDay) as Iterable<QualityDbRow>) {
      if (wanted && !wanted.has(r.key)) continue;
      const g = group(r.key, r.day);
      g.row.scored += r.scored;
      g.average += r.average_sum as number;
      for (const c of COMPONENTS) {
        g.sums[c] = (g.sums[c] ?? 0) + (r[`${c}_sum`] as number);
        g.counts[c] = (g.counts[c] ?? 0) + (r[`${c}_n`] as number);
      }
    }
    const fromMs = fromDay * 86_400_000;
    const toMs = (toDay + 1) * 86_400_000;
    for (const r of thumbs[q.groupBy]!.iterate(fromMs, toMs) as Iterable<{ key: string; day: number; up: number; down: number }>) {
      if (wanted && !wanted.has(r.key)) continue;
      const g = group(r.key, r.day);
      g.row.thumbsUp += r.up;
      g.row.thumbsDown += r.down;
    }
    return [...groups.values()].map(({ row, sums, counts, average }) => {
      const round = (n: number) => Math.round(n * 10) / 10;
      for (const c of COMPONENTS) if (counts[c]) row[c] = round(sums[c]! / counts[c]!);
      if (row.scored) row.average = round(average / row.scored);
      const votes = row.thumbsUp + row.thumbsDown;
      if (votes) row.satisfaction = Math.round((row.thumbsUp / votes) * 1000) / 1000;
      return row;
    });
  }

  return { next, save, stats };
}
