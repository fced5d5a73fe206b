// What ingest keeps beside the calls, written inside the ingest transaction:
// day rollups and per-prompt token windows. Both are read-modify-write on rows
// another collector may be writing, so each takes its row locks in key order
// (no deadlocks between collectors) and merges inside the lock.
import type pg from "pg";
import type { IngestedCall } from "../call-store.ts";
import type { CallRow } from "../call-row.ts";
import { foldBatch } from "../rollup.ts";
import { advanceTokenWindow, byPromptKey } from "../token-window.ts";

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function addToRollups(db: pg.PoolClient, rows: CallRow[]): Promise<void> {
  const deltas = foldBatch(rows).sort((a, b) => byText(a.dim, b.dim) || byText(a.key, b.key) || a.day - b.day);
  if (!deltas.length) return;
  await db.query(
    `INSERT INTO rollup (dim, key, day, calls, input_tokens, output_tokens, cost_usd, errors, errors_by_kind, latency_hist, ttft_hist)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int8[], $5::float8[], $6::float8[], $7::float8[], $8::int8[],
       $9::jsonb[], $10::jsonb[], $11::jsonb[])
     ON CONFLICT (dim, key, day) DO UPDATE SET
       calls = rollup.calls + EXCLUDED.calls,
       input_tokens = rollup.input_tokens + EXCLUDED.input_tokens,
       output_tokens = rollup.output_tokens + EXCLUDED.output_tokens,
       cost_usd = rollup.cost_usd + EXCLUDED.cost_usd,
       errors = rollup.errors + EXCLUDED.errors,
       errors_by_kind = llmscope_add_counts(rollup.errors_by_kind, EXCLUDED.errors_by_kind),
       latency_hist = llmscope_add_counts(rollup.latency_hist, EXCLUDED.latency_hist),
       ttft_hist = llmscope_add_counts(rollup.ttft_hist, EXCLUDED.ttft_hist)`,
    [
      deltas.map((d) => d.dim), deltas.map((d) => d.key), deltas.map((d) => d.day), deltas.map((d) => d.calls),
      deltas.map((d) => d.inputTokens), deltas.map((d) => d.outputTokens), deltas.map((d) => d.costUSD),
      deltas.map((d) => d.errors), deltas.map((d) => JSON.stringify(d.errorsByKind)),
      deltas.map((d) => JSON.stringify(d.latency)), deltas.map((d) => JSON.stringify(d.ttft)),
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
