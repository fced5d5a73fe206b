// What ingest keeps beside the calls, written inside the ingest transaction:
// day rollups and per-prompt token windows. Both are read-modify-write on rows
// another collector may be writing, so each takes its row locks in key order
// (no deadlocks between collectors) and merges in this process while it holds
// them, with the same merge code as the SQLite store.
import type pg from "pg";
import type { IngestedCall } from "../call-store.ts";
import type { CallRow } from "../call-row.ts";
import { deltaOfRow, foldBatch, mergeDelta, type RollupDbRow, type RollupDelta } from "../rollup.ts";
import { advanceTokenWindow, byPromptKey } from "../token-window.ts";

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function addToRollups(db: pg.PoolClient, rows: CallRow[]): Promise<void> {
  const deltas = foldBatch(rows).sort((a, b) => byText(a.dim, b.dim) || byText(a.key, b.key) || a.day - b.day);
  if (!deltas.length) return;
  const col = <T>(f: (d: RollupDelta) => T) => deltas.map(f);
  // creates missing rows and locks existing ones (in key order), returning what they hold
  const { rows: current } = await db.query<RollupDbRow>(
    `INSERT INTO rollup (dim, key, day, calls, input_tokens, output_tokens, cost_usd, errors, errors_by_kind, latency_hist, ttft_hist)
     SELECT d, k, day, 0, 0, 0, 0, 0, '{}', '{}', '{}' FROM unnest($1::text[], $2::text[], $3::int[]) AS u(d, k, day)
     ON CONFLICT (dim, key, day) DO UPDATE SET calls = rollup.calls
     RETURNING *`,
    [col((d) => d.dim), col((d) => d.key), col((d) => d.day)],
  );
  const merged = new Map(deltas.map((d) => [`${d.dim}\u0000${d.key}\u0000${d.day}`, d]));
  for (const r of current) {
    const d = merged.get(`${r.dim}\u0000${r.key}\u0000${r.day}`)!;
    mergeDelta(d, deltaOfRow(r));
  }
  await db.query(
    `UPDATE rollup SET calls = u.calls, input_tokens = u.input_tokens, output_tokens = u.output_tokens, cost_usd = u.cost_usd,
       errors = u.errors, errors_by_kind = u.errors_by_kind, latency_hist = u.latency_hist, ttft_hist = u.ttft_hist,
       cached_input_tokens = u.cached_input_tokens, cache_write_tokens = u.cache_write_tokens, streamed = u.streamed
     FROM unnest($1::text[], $2::text[], $3::int[], $4::int8[], $5::float8[], $6::float8[], $7::float8[], $8::int8[],
       $9::jsonb[], $10::jsonb[], $11::jsonb[], $12::float8[], $13::float8[], $14::int8[])
       AS u(dim, key, day, calls, input_tokens, output_tokens, cost_usd, errors, errors_by_kind, latency_hist, ttft_hist,
         cached_input_tokens, cache_write_tokens, streamed)
     WHERE rollup.dim = u.dim AND rollup.key = u.key AND rollup.day = u.day`,
    [
      col((d) => d.dim), col((d) => d.key), col((d) => d.day), col((d) => d.calls), col((d) => d.inputTokens),
      col((d) => d.outputTokens), col((d) => d.costUSD), col((d) => d.errors), col((d) => JSON.stringify(d.errorsByKind)),
      col((d) => JSON.stringify(d.latency)), col((d) => JSON.stringify(d.ttft)), col((d) => d.cachedInputTokens),
      col((d) => d.cacheWriteTokens), col((d) => d.streamed),
    ],
  );
}

/** sets each new call's token baseline and moves its prompt's window on */
export async function updateTokenWindows(db: pg.PoolClient, ingested: IngestedCall[], size: number): Promise<void> {
  const groups = byPromptKey(ingested);
  if (!groups.size) return;
  const keys = [...groups.keys()].sort(byText);
  // creates missing windows and locks existing ones, returning what they hold
  const { rows } = await db.query<{ prompt_key: string; totals: number[] }>(
    `INSERT INTO token_window (prompt_key, totals) SELECT k, '[]'::jsonb FROM unnest($1::text[]) AS k
     ON CONFLICT (prompt_key) DO UPDATE SET prompt_key = EXCLUDED.prompt_key
     RETURNING prompt_key, totals`,
    [keys],
  );
  const next: Record<string, number[]> = {};
  for (const r of rows) next[r.prompt_key] = advanceTokenWindow(r.totals, groups.get(r.prompt_key)!, size);
  await db.query(
    "UPDATE token_window t SET totals = u.totals FROM jsonb_each($1::jsonb) AS u(k, totals) WHERE t.prompt_key = u.k",
    [JSON.stringify(next)],
  );
}
