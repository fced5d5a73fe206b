// One transaction per batch, as on SQLite: new traces (ON CONFLICT makes
// retries and a second collector's copy harmless) and the trace rollups, merged under row locks taken in key order so
// collectors sharing the database never deadlock on them.
import type pg from "pg";
import type { Trace } from "@llmscope/core";
import { inTransaction } from "../store/postgres/pool.ts";
import { withoutNul } from "../store/postgres/pg-text.ts";
import type { createTracePartitionKeeper } from "./pg-trace-partitions.ts";
import { deltaOfTraceRow, foldTraces, mergeTraceDelta, type TraceRollupDbRow, type TraceRollupDelta } from "./trace-rollup.ts";
import { toTraceRow, type TraceRow } from "./trace-row.ts";
import type { TraceIngestResult } from "./trace-store.ts";

const COLUMNS: [keyof TraceRow, string][] = [
  ["id", "text"], ["started_at", "int8"], ["received_at", "int8"], ["session_id", "text"], ["name", "text"],
  ["user_id", "text"], ["department", "text"], ["feature", "text"], ["duration_ms", "float8"], ["calls", "int8"],
  ["input_tokens", "float8"], ["output_tokens", "float8"], ["cost_usd", "float8"], ["errors", "int8"], ["record", "text"],
];
const INSERT_TRACES = `INSERT INTO traces (${COLUMNS.map(([c]) => c).join(", ")})
  SELECT * FROM unnest(${COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ")})
  ON CONFLICT (id, started_at) DO NOTHING RETURNING id`;
const NO_PARTITION = "23514";
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** NUL dropped from the flat text columns (PostgreSQL text cannot hold it); the JSON record keeps it escaped */
function pgTraceRow(row: TraceRow): TraceRow {
  const out = { ...row };
  for (const k of ["session_id", "name", "user_id", "department", "feature"] as const) out[k] = withoutNul(out[k]) as never;
  return out;
}

async function addToTraceRollups(db: pg.PoolClient, traces: Trace[]): Promise<void> {
  const deltas = foldTraces(traces).map((d) => ({ ...d, key: withoutNul(d.key) }));
  deltas.sort((a, b) => byText(a.dim, b.dim) || byText(a.key, b.key) || a.bucket - b.bucket);
  if (!deltas.length) return;
  const col = <T>(f: (d: TraceRollupDelta) => T) => deltas.map(f);
  const { rows } = await db.query<TraceRollupDbRow>(
    `INSERT INTO trace_rollup (dim, key, bucket, traces, llm_calls, input_tokens, output_tokens, cost_usd, errors, measures)
     SELECT d, k, b, 0, 0, 0, 0, 0, 0, '{}' FROM unnest($1::text[], $2::text[], $3::int[]) AS u(d, k, b)
     ON CONFLICT (dim, key, bucket) DO UPDATE SET traces = trace_rollup.traces
     RETURNING *`,
    [col((d) => d.dim), col((d) => d.key), col((d) => d.bucket)],
  );
  const merged = new Map(deltas.map((d) => [`${d.dim}\u0000${d.key}\u0000${d.bucket}`, d]));
  for (const r of rows) mergeTraceDelta(merged.get(`${r.dim}\u0000${r.key}\u0000${r.bucket}`)!, deltaOfTraceRow(r));
  await db.query(
    `UPDATE trace_rollup SET traces = u.traces, llm_calls = u.llm_calls, input_tokens = u.input_tokens,
       output_tokens = u.output_tokens, cost_usd = u.cost_usd, errors = u.errors, measures = u.measures
     FROM unnest($1::text[], $2::text[], $3::int[], $4::int8[], $5::int8[], $6::float8[], $7::float8[], $8::float8[], $9::int8[], $10::jsonb[])
       AS u(dim, key, bucket, traces, llm_calls, input_tokens, output_tokens, cost_usd, errors, measures)
     WHERE trace_rollup.dim = u.dim AND trace_rollup.key = u.key AND trace_rollup.bucket = u.bucket`,
    [col((d) => d.dim), col((d) => d.key), col((d) => d.bucket), col((d) => d.traces), col((d) => d.llmCalls),
      col((d) => d.inputTokens), col((d) => d.outputTokens), col((d) => d.costUSD), col((d) => d.errors), col((d) => JSON.stringify(d.measures))],
  );
}

export function createPgTraceIngest(pool: pg.Pool, partitions: ReturnType<typeof createTracePartitionKeeper>) {
  async function store(traces: Trace[], receivedAt: number): Promise<Trace[]> {
    return inTransaction(pool, async (db) => {
      const rows = traces.map((t) => pgTraceRow(toTraceRow(t, receivedAt))).sort((a, b) => byText(a.id, b.id));
      const { rows: fresh } = await db.query<{ id: string }>(INSERT_TRACES, COLUMNS.map(([c]) => rows.map((r) => r[c])));
      const freshIds = new Set(fresh.map((r) => r.id));
      const inserted = traces.filter((t) => freshIds.has(t.id));
      await addToTraceRollups(db, inserted);
      return inserted;
    });
  }

  return async (traces: Trace[], receivedAt: number): Promise<TraceIngestResult> => {
    // a repeated id keeps its first record
    const firstOf = new Map<string, Trace>();
    for (const t of traces) if (!firstOf.has(t.id)) firstOf.set(t.id, t);
    const batch = [...firstOf.values()];
    if (!batch.length) return { inserted: [], duplicates: 0 };
    await partitions.ensure(batch.map((t) => Math.round(t.startedAt)));
    let inserted: Trace[];
    try {
      inserted = await store(batch, receivedAt);
    } catch (err) {
      if ((err as { code?: string }).code !== NO_PARTITION) throw err;
      partitions.forget();
      await partitions.ensure(batch.map((t) => Math.round(t.startedAt)));
      inserted = await store(batch, receivedAt);
    }
    return { inserted, duplicates: traces.length - inserted.length };
  };
}
