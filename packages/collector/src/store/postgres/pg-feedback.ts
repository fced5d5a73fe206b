// Feedback for a stored call updates it; feedback for a call not stored yet is
// parked and applied when the call arrives. With several collectors the call
// may be arriving at that very moment, so both sides meet on the call's id row:
// feedback creates a placeholder id (NULL started_at) or waits on the row the
// ingest holds, and then knows for certain whether the call is stored.
import type pg from "pg";
import type { FeedbackItem, LLMCall } from "@llmscope/core";
import type { FeedbackResult } from "../call-store.ts";
import { inTransaction } from "./pool.ts";
import { withoutNul } from "./pg-text.ts";
import { searchTextOf } from "./pg-text-search.ts";
import { createExpirySchedule, DEFAULT_PARKED_FEEDBACK, type ParkedFeedbackLimits } from "../parked-feedback.ts";

export function createPgFeedback(pool: pg.Pool, limits: ParkedFeedbackLimits = DEFAULT_PARKED_FEEDBACK) {
  const due = createExpirySchedule(limits);
  return (items: FeedbackItem[]): Promise<FeedbackResult> =>
    inTransaction(pool, async (db) => {
      const ids = [...new Set(items.map((f) => f.callId))].sort();
      await db.query("INSERT INTO call_ids (id) SELECT unnest($1::text[]) ON CONFLICT (id) DO NOTHING", [ids]);
      const { rows } = await db.query<{ id: string; started_at: number | null }>(
        "SELECT id, started_at FROM call_ids WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE",
        [ids],
      );
      const stored = new Set(rows.filter((r) => r.started_at !== null).map((r) => r.id));
      const result: FeedbackResult = { applied: 0, pending: [] };
      // items apply in order, so the last one for a call is what it keeps
      const last = new Map<string, FeedbackItem>();
      for (const f of items) {
        last.set(f.callId, f);
        if (stored.has(f.callId)) result.applied++;
        else result.pending.push(f.callId);
      }
      const apply = [...last.values()].filter((f) => stored.has(f.callId));
      const park = [...last.values()].filter((f) => !stored.has(f.callId));
      if (apply.length) await applyToCalls(db, apply);
      if (park.length) {
        await db.query(
          `INSERT INTO feedback (call_id, score, comment, at) SELECT * FROM unnest($1::text[], $2::int2[], $3::text[], $4::float8[])
           ON CONFLICT (call_id) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, at = EXCLUDED.at`,
          [park.map((f) => f.callId), park.map((f) => f.score), park.map((f) => withoutNul(f.comment ?? null)), park.map((f) => f.at)],
        );
        const now = Date.now();
        if (due(park.length, now)) await expireParked(db, limits.maxAgeMs, limits.maxRows);
      }
      return result;
    });
}

/**
 * parked feedback older than maxAgeMs before the newest parked (not the clock: a
 * backfill of old calls keeps its feedback) or beyond the row cap goes, with the
 * placeholder ids it held
 */
async function expireParked(db: pg.PoolClient, maxAgeMs: number, maxRows: number): Promise<void> {
  await db.query(
    `WITH gone AS (
       DELETE FROM feedback WHERE at < (SELECT MAX(at) FROM feedback) - $1
         OR call_id IN (SELECT call_id FROM feedback ORDER BY at LIMIT greatest(0, (SELECT COUNT(*) FROM feedback) - $2))
       RETURNING call_id)
     DELETE FROM call_ids c USING gone WHERE c.id = gone.call_id AND c.started_at IS NULL`,
    [maxAgeMs, maxRows],
  );
}

async function applyToCalls(db: pg.PoolClient, items: FeedbackItem[]): Promise<void> {
  const { rows } = await db.query<{ id: string; started_at: number; record: string }>(
    "SELECT id, started_at, record FROM calls WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE",
    [items.map((f) => f.callId)],
  );
  const byId = new Map(items.map((f) => [f.callId, f]));
  const calls = rows.map((r): LLMCall => {
    const f = byId.get(r.id)!;
    const feedback = { score: f.score, at: f.at, ...(f.comment !== undefined ? { comment: f.comment } : {}) };
    return { ...(JSON.parse(r.record) as LLMCall), feedback };
  });
  // the comment is searchable too: search_text follows the record
  await db.query(
    `UPDATE calls SET feedback_score = u.score, record = u.record, search_text = u.search_text
     FROM unnest($1::text[], $2::int8[], $3::int2[], $4::text[], $5::text[]) AS u(id, started_at, score, record, search_text)
     WHERE calls.id = u.id AND calls.started_at = u.started_at`,
    [rows.map((r) => r.id), rows.map((r) => r.started_at), rows.map((r) => byId.get(r.id)!.score), calls.map((c) => JSON.stringify(c)), calls.map(searchTextOf)],
  );
}
