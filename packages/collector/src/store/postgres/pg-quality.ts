// The evaluation loop's reading and writing on PostgreSQL (see schema-v2.ts).
// A claim leases up to `limit` queued calls under one claim number, which is
// the seq of every call it hands out; saveQuality(scored, seq) ends that claim.
// Rows another collector holds are skipped, not waited for. A claim that is
// never saved (the collector died, or scoring threw) lapses after LEASE_MS
// and its calls are handed out again; if the late claim is saved after all,
// its queue rows are gone and it writes nothing, so each call counts once.
import type pg from "pg";
import type { LLMCall } from "@llmscope/core";
import type { CallInOrder, ScoredCall } from "../call-store.ts";
import type { CallRow } from "../call-row.ts";
import { ROLLUP_DIMENSIONS } from "../rollup.ts";
import { dayOf } from "../time-buckets.ts";
import { inTransaction } from "./pool.ts";
import { QUALITY_COMPONENTS as COMPONENTS } from "../quality-dimensions.ts";

export const LEASE_MS = 120_000;

interface Delta {
  dim: string;
  key: string;
  day: number;
  scored: number;
  sums: number[];
  counts: number[];
  average: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function createPgQuality(pool: pg.Pool, now: () => number = Date.now) {
  async function next(limit: number): Promise<CallInOrder[]> {
    // from the first read on, ingest queues new calls; older ones are not scored
    await pool.query("INSERT INTO quality_enabled (id, at) VALUES (1, $1) ON CONFLICT (id) DO NOTHING", [now()]);
    if (limit <= 0) return [];
    return inTransaction(pool, async (db) => {
      const t = now();
      const claim = (await db.query<{ n: number }>("SELECT nextval('quality_claim') AS n")).rows[0]!.n;
      const { rows: claimed } = await db.query<{ call_id: string; queued: number }>(
        `UPDATE quality_pending SET claim = $1, lease_until = $2
         WHERE call_id IN (SELECT call_id FROM quality_pending WHERE lease_until IS NULL OR lease_until < $3
           ORDER BY queued LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING call_id, queued`,
        [claim, t + LEASE_MS, t, limit],
      );
      if (!claimed.length) return [];
      const { rows } = await db.query<{ id: string; record: string }>(
        "SELECT id, record FROM calls WHERE id = ANY($1::text[])",
        [claimed.map((r) => r.call_id)],
      );
      const records = new Map(rows.map((r) => [r.id, r.record]));
      // a queued call whose month retention has dropped is no longer waiting
      const gone = claimed.filter((r) => !records.has(r.call_id)).map((r) => r.call_id);
      if (gone.length) await db.query("DELETE FROM quality_pending WHERE call_id = ANY($1::text[])", [gone]);
      return claimed
        .filter((r) => records.has(r.call_id))
        .sort((a, b) => a.queued - b.queued)
        .map((r) => ({ seq: claim, call: JSON.parse(records.get(r.call_id)!) as LLMCall }));
    });
  }

  async function save(scored: ScoredCall[], seq: number): Promise<void> {
    await inTransaction(pool, async (db) => {
      // ends the claim, unscored calls included (SQLite's cursor moves past them too)
      const { rows: ended } = await db.query<{ call_id: string }>(
        "DELETE FROM quality_pending WHERE claim = $1 RETURNING call_id",
        [seq],
      );
      const mine = new Set(ended.map((r) => r.call_id));
      const own = scored.filter((s) => mine.has(s.callId));
      if (!own.length) return;
      const quality = new Map(own.map((s) => [s.callId, s.quality]));
      // locked in id order, as feedback locks them, so the two never deadlock
      const { rows } = await db.query<CallRow>(
        `SELECT id, started_at, department, feature, user_id, model, provider, prompt_id, fingerprint, record
         FROM calls WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
        [[...quality.keys()]],
      );
      const records = rows.map((r) => JSON.stringify({ ...(JSON.parse(r.record) as object), quality: quality.get(r.id) }));
      await db.query(
        `UPDATE calls SET record = u.record FROM unnest($1::text[], $2::int8[], $3::text[]) AS u(id, started_at, record)
         WHERE calls.id = u.id AND calls.started_at = u.started_at`,
        [rows.map((r) => r.id), rows.map((r) => r.started_at), records],
      );
      await fold(db, rows, quality);
    });
  }

  return { next, save };
}

/** adds the scores to quality_rollup, exactly as SQLite folds them */
async function fold(db: pg.PoolClient, rows: CallRow[], quality: Map<string, ScoredCall["quality"]>): Promise<void> {
  const deltas = new Map<string, Delta>();
  for (const row of rows) {
    const q = quality.get(row.id)!;
    const day = dayOf(row.started_at);
    for (const [dim, keyOf] of Object.entries(ROLLUP_DIMENSIONS)) {
      const key = keyOf(row);
      const id = `${dim}\u0000${key}\u0000${day}`;
      let d = deltas.get(id);
      if (!d) deltas.set(id, (d = { dim, key, day, scored: 0, sums: [0, 0, 0, 0], counts: [0, 0, 0, 0], average: 0 }));
      d.scored++;
      d.average += q.average ?? 0;
      COMPONENTS.forEach((c, i) => {
        const v = q[c];
        if (v === undefined) return;
        d.sums[i]! += v;
        d.counts[i]!++;
      });
    }
  }
  // key order: two collectors folding the same days lock the rows in the same order
  const list = [...deltas.values()].sort((a, b) => byText(a.dim, b.dim) || byText(a.key, b.key) || a.day - b.day);
  const col = <T>(f: (d: Delta) => T) => list.map(f);
  await db.query(
    `INSERT INTO quality_rollup (dim, key, day, scored, relevance_sum, relevance_n, accuracy_sum, accuracy_n,
       coherence_sum, coherence_n, safety_sum, safety_n, average_sum)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int8[], $5::float8[], $6::int8[], $7::float8[], $8::int8[],
       $9::float8[], $10::int8[], $11::float8[], $12::int8[], $13::float8[])
     ON CONFLICT (dim, key, day) DO UPDATE SET scored = quality_rollup.scored + EXCLUDED.scored,
       relevance_sum = quality_rollup.relevance_sum + EXCLUDED.relevance_sum, relevance_n = quality_rollup.relevance_n + EXCLUDED.relevance_n,
       accuracy_sum = quality_rollup.accuracy_sum + EXCLUDED.accuracy_sum, accuracy_n = quality_rollup.accuracy_n + EXCLUDED.accuracy_n,
       coherence_sum = quality_rollup.coherence_sum + EXCLUDED.coherence_sum, coherence_n = quality_rollup.coherence_n + EXCLUDED.coherence_n,
       safety_sum = quality_rollup.safety_sum + EXCLUDED.safety_sum, safety_n = quality_rollup.safety_n + EXCLUDED.safety_n,
       average_sum = quality_rollup.average_sum + EXCLUDED.average_sum`,
    [
      col((d) => d.dim), col((d) => d.key), col((d) => d.day), col((d) => d.scored),
      ...COMPONENTS.flatMap((_, i) => [col((d) => d.sums[i]), col((d) => d.counts[i])]),
      col((d) => d.average),
    ],
  );
}
