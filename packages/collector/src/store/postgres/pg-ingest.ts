// One transaction per batch: claim the ids (ON CONFLICT makes retries and a
// second collector's copy harmless), take feedback that arrived early, insert
// the calls, then move token windows and rollups. The caller answers only
// after COMMIT, and PostgreSQL's commit is durable (synchronous_commit), so an
// acknowledged batch survives a collector's kill -9.
import type pg from "pg";
import type { LLMCall } from "@llmscope/core";
import type { IngestResult, IngestedCall } from "../call-store.ts";
import { promptKeyOf, toCallRow, type CallRow } from "../call-row.ts";
import { addToRollups, updateTokenWindows } from "./pg-aggregates.ts";
import { inTransaction } from "./pool.ts";
import { pgCallRow, withoutNul } from "./pg-text.ts";
import { searchTextOf } from "./pg-text-search.ts";
import type { createPartitionKeeper } from "./partitions.ts";

const CALL_COLUMNS: [keyof CallRow, string][] = [
  ["id", "text"], ["started_at", "int8"], ["received_at", "int8"], ["session_id", "text"], ["user_id", "text"],
  ["department", "text"], ["feature", "text"], ["prompt_id", "text"], ["provider", "text"], ["model", "text"],
  ["operation", "text"], ["fingerprint", "text"], ["prompt_hash", "text"], ["status", "float8"], ["error_kind", "text"],
  ["input_tokens", "float8"], ["output_tokens", "float8"], ["total_tokens", "float8"], ["cost_usd", "float8"],
  ["duration_ms", "float8"], ["ttft_ms", "float8"], ["feedback_score", "int2"], ["record", "text"],
  ["response_model", "text"], ["stream", "int2"], ["cached_input_tokens", "float8"], ["cache_write_tokens", "float8"],
];
// and last, search_text: what the call said, for the q filter (pg-text-search.ts)
const INSERT_CALLS = `INSERT INTO calls (${CALL_COLUMNS.map(([c]) => c).join(", ")}, search_text)
  SELECT * FROM unnest(${CALL_COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ")}, $${CALL_COLUMNS.length + 1}::text[])`;
const NO_PARTITION = "23514"; // another collector dropped a month this one still knew

interface PendingFeedback {
  call_id: string;
  score: 1 | -1;
  comment: string | null;
  at: number;
}

export function createPgIngest(pool: pg.Pool, partitions: ReturnType<typeof createPartitionKeeper>, tokenWindowSize: number) {
  async function store(unique: LLMCall[], receivedAt: number): Promise<IngestedCall[]> {
    return inTransaction(pool, async (db) => {
      const rows = unique.map((c) => pgCallRow(toCallRow(c, receivedAt)));
      // claimed in id order: two collectors with overlapping batches lock in the same order
      const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const claimed = await db.query<{ id: string }>(
        `INSERT INTO call_ids (id, started_at) SELECT * FROM unnest($1::text[], $2::int8[])
         ON CONFLICT (id) DO UPDATE SET started_at = EXCLUDED.started_at WHERE call_ids.started_at IS NULL
         RETURNING id`,
        [sorted.map((r) => r.id), sorted.map((r) => r.started_at)],
      );
      const fresh = new Set(claimed.rows.map((r) => r.id));
      const freshRows = rows.filter((r) => fresh.has(r.id));
      if (!freshRows.length) return [];
      const byId = new Map(unique.map((c) => [c.id, c]));
      const withFeedback = await applyEarlyFeedback(db, freshRows, unique);
      const searchTexts = freshRows.map((r) => searchTextOf(withFeedback.get(r.id) ?? byId.get(r.id)!));
      await db.query(INSERT_CALLS, [...CALL_COLUMNS.map(([c]) => freshRows.map((r) => r[c])), searchTexts]);
      // queued in this transaction, so a claim sees the call exactly when it is committed;
      // an id still queued from a month retention dropped stays queued once
      await db.query(
        `INSERT INTO quality_pending (call_id) SELECT u.id FROM unnest($1::text[]) WITH ORDINALITY AS u(id, n)
         WHERE EXISTS (SELECT 1 FROM quality_enabled) ORDER BY u.n ON CONFLICT (call_id) DO NOTHING`,
        [freshRows.map((r) => r.id)],
      );
      const ingested = freshRows.map((r): IngestedCall => {
        const call = byId.get(r.id)!;
        return { call, promptKey: withoutNul(promptKeyOf(call)), totalTokens: r.total_tokens ?? 0 };
      });
      await updateTokenWindows(db, ingested, tokenWindowSize);
      // last: the busiest rows (the day's "all" and provider rollups) are locked for the shortest time
      await addToRollups(db, freshRows);
      return ingested;
    });
  }

  return async (calls: LLMCall[], receivedAt: number): Promise<IngestResult> => {
    // a repeated id keeps its first record; later copies count as duplicates
    const firstOf = new Map<string, LLMCall>();
    for (const c of calls) if (!firstOf.has(c.id)) firstOf.set(c.id, c);
    const batch = [...firstOf.values()];
    if (!batch.length) return { inserted: [], duplicates: 0 };
    await partitions.ensure(batch.map((c) => Math.round(c.startedAt)));
    let inserted: IngestedCall[];
    try {
      inserted = await store(batch, receivedAt);
    } catch (err) {
      if ((err as { code?: string }).code !== NO_PARTITION) throw err;
      partitions.forget();
      await partitions.ensure(batch.map((c) => Math.round(c.startedAt)));
      inserted = await store(batch, receivedAt);
    }
    return { inserted, duplicates: calls.length - inserted.length };
  };
}

/** feedback parked before its call arrived becomes part of the stored record; the calls it changed, by id */
async function applyEarlyFeedback(db: pg.PoolClient, rows: CallRow[], calls: LLMCall[]): Promise<Map<string, LLMCall>> {
  const { rows: pending } = await db.query<PendingFeedback>(
    "DELETE FROM feedback WHERE call_id = ANY($1::text[]) RETURNING call_id, score, comment, at",
    [rows.map((r) => r.id)],
  );
  const changed = new Map<string, LLMCall>();
  if (!pending.length) return changed;
  const byId = new Map(pending.map((f) => [f.call_id, f]));
  const callById = new Map(calls.map((c) => [c.id, c]));
  for (const row of rows) {
    const f = byId.get(row.id);
    if (!f) continue;
    const feedback = { score: f.score, at: f.at, ...(f.comment !== null ? { comment: f.comment } : {}) };
    row.feedback_score = f.score;
    const call = { ...callById.get(row.id)!, feedback };
    row.record = JSON.stringify(call);
    changed.set(row.id, call);
  }
  return changed;
}
