// One transaction per group of batches (see group-commit.ts): insert new calls
// (ON CONFLICT(id) DO NOTHING makes retries harmless), apply feedback that
// arrived early, fold the calls into the day rollups and the per-prompt token
// windows. The caller answers only after this returns, i.e. after COMMIT.
import type Database from "better-sqlite3";
import type { LLMCall } from "@llmscope/core";
import type { IngestResult, IngestedCall } from "./call-store.ts";
import { promptKeyOf, toCallRow, type CallRow } from "./call-row.ts";
import { deltaOfRow, foldBatch, mergeDelta, type RollupDbRow, type RollupDelta } from "./rollup.ts";
import { advanceTokenWindow, byPromptKey } from "./token-window.ts";

export interface IngestBatch {
  calls: LLMCall[];
  receivedAt: number;
}

/** one result per batch, in order; a call repeated across batches of a group counts as a duplicate in the later one */
export type IngestFn = (batches: IngestBatch[]) => IngestResult[];


export function createIngest(db: Database.Database, tokenWindowSize: number): IngestFn {
  const insertCall = db.prepare(`INSERT INTO calls (id, started_at, received_at, session_id, user_id, department, feature,
      prompt_id, provider, model, operation, fingerprint, prompt_hash, status, error_kind, input_tokens, output_tokens,
      total_tokens, cost_usd, duration_ms, ttft_ms, feedback_score, record, response_model, stream, cached_input_tokens,
      cache_write_tokens)
    VALUES (${Array(27).fill("?").join(", ")})
    ON CONFLICT(id) DO NOTHING`);
  // positional binding: better-sqlite3 looks up each named parameter in the object, per row
  const insertRow = (r: CallRow) =>
    insertCall.run(r.id, r.started_at, r.received_at, r.session_id, r.user_id, r.department, r.feature, r.prompt_id,
      r.provider, r.model, r.operation, r.fingerprint, r.prompt_hash, r.status, r.error_kind, r.input_tokens,
      r.output_tokens, r.total_tokens, r.cost_usd, r.duration_ms, r.ttft_ms, r.feedback_score, r.record, r.response_model, r.stream, r.cached_input_tokens,
      r.cache_write_tokens).changes === 1;
  const anyPendingFeedback = db.prepare("SELECT 1 FROM feedback LIMIT 1").pluck();
  const takeFeedback = db.prepare("DELETE FROM feedback WHERE call_id = ? RETURNING score, comment, at");
  const applyFeedback = db.prepare(
    "UPDATE calls SET feedback_score = ?, record = json_set(record, '$.feedback', json(?)) WHERE id = ?",
  );
  const readRollup = db.prepare("SELECT * FROM rollup WHERE dim = ? AND key = ? AND day = ?");
  const insertRollup = db.prepare(`INSERT INTO rollup (calls, input_tokens, output_tokens, cost_usd, errors, errors_by_kind,
      latency_hist, ttft_hist, cached_input_tokens, cache_write_tokens, streamed, dim, key, day) VALUES (${Array(14).fill("?").join(", ")})`);
  // an update in place leaves the (dim, day) index alone, where a replace would delete and re-add its entry
  const updateRollup = db.prepare(`UPDATE rollup SET calls = ?, input_tokens = ?, output_tokens = ?, cost_usd = ?, errors = ?,
      errors_by_kind = ?, latency_hist = ?, ttft_hist = ?, cached_input_tokens = ?, cache_write_tokens = ?, streamed = ? WHERE dim = ? AND key = ? AND day = ?`);
  const readWindow = db.prepare("SELECT totals FROM token_window WHERE prompt_key = ?").pluck();
  const writeWindow = db.prepare("INSERT OR REPLACE INTO token_window (prompt_key, totals) VALUES (?, ?)");

  function storeRollup(delta: RollupDelta): void {
    const old = readRollup.get(delta.dim, delta.key, delta.day) as RollupDbRow | undefined;
    const d = old ? mergeDelta(deltaOfRow(old), delta) : delta;
    (old ? updateRollup : insertRollup).run(d.calls, d.inputTokens, d.outputTokens, d.costUSD, d.errors,
      JSON.stringify(d.errorsByKind), JSON.stringify(d.latency), JSON.stringify(d.ttft), d.cachedInputTokens,
      d.cacheWriteTokens, d.streamed, d.dim, d.key, d.day);
  }

  function applyEarlyFeedback(rows: CallRow[]): void {
    if (!anyPendingFeedback.get()) return;
    for (const row of rows) {
      const fb = takeFeedback.get(row.id) as { score: number; comment: string | null; at: number } | undefined;
      if (!fb) continue;
      const json = JSON.stringify({ score: fb.score, at: fb.at, ...(fb.comment !== null ? { comment: fb.comment } : {}) });
      applyFeedback.run(fb.score, json, row.id);
    }
  }

  function updateTokenWindows(ingested: IngestedCall[]): void {
    for (const [key, list] of byPromptKey(ingested)) {
      const stored = readWindow.get(key) as string | undefined;
      writeWindow.run(key, JSON.stringify(advanceTokenWindow(stored ? JSON.parse(stored) : [], list, tokenWindowSize)));
    }
  }

  return db.transaction((batches: IngestBatch[]): IngestResult[] => {
    const rows: CallRow[] = [];
    const all: IngestedCall[] = [];
    const results = batches.map(({ calls, receivedAt }): IngestResult => {
      const inserted: IngestedCall[] = [];
      for (const call of calls) {
        const row = toCallRow(call, receivedAt);
        if (!insertRow(row)) continue;
        rows.push(row);
        inserted.push({ call, promptKey: promptKeyOf(call), totalTokens: row.total_tokens ?? 0 });
      }
      all.push(...inserted);
      return { inserted, duplicates: calls.length - inserted.length };
    });
    applyEarlyFeedback(rows);
    for (const delta of foldBatch(rows)) storeRollup(delta);
    updateTokenWindows(all);
    return results;
  });
}
