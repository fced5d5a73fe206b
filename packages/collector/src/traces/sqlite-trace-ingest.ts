// One transaction per group of batches (see ../store/group-commit.ts), as the
// calls have: new traces (ON CONFLICT(id) DO NOTHING makes retries harmless)
// and their rollups, folded once over the whole group, so concurrent clients'
// batches rewrite each rollup row once rather than once each.
import type Database from "better-sqlite3";
import type { Trace } from "@llmscope/core";
import { foldTraces, mergeTraceDelta, deltaOfTraceRow, type TraceRollupDbRow, type TraceRollupDelta } from "./trace-rollup.ts";
import { toTraceRow } from "./trace-row.ts";
import type { TraceIngestResult } from "./trace-store.ts";

export interface TraceBatch {
  traces: Trace[];
  receivedAt: number;
}

/** one result per batch, in order; a trace repeated across batches of a group counts as a duplicate in the later one */
export type SqliteTraceIngest = (batches: TraceBatch[]) => TraceIngestResult[];

export function createSqliteTraceIngest(db: Database.Database): SqliteTraceIngest {
  const insertTrace = db.prepare(`INSERT INTO traces (id, started_at, received_at, session_id, name, user_id, department,
      feature, duration_ms, calls, input_tokens, output_tokens, cost_usd, errors, record)
    VALUES (${Array(15).fill("?").join(", ")}) ON CONFLICT(id) DO NOTHING`);
  const readRollup = db.prepare("SELECT * FROM trace_rollup WHERE dim = ? AND key = ? AND bucket = ?");
  const insertRollup = db.prepare(`INSERT INTO trace_rollup (traces, llm_calls, input_tokens, output_tokens, cost_usd, errors,
      measures, dim, key, bucket) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const updateRollup = db.prepare(`UPDATE trace_rollup SET traces = ?, llm_calls = ?, input_tokens = ?, output_tokens = ?,
      cost_usd = ?, errors = ?, measures = ? WHERE dim = ? AND key = ? AND bucket = ?`);

  function storeRollup(delta: TraceRollupDelta): void {
    const old = readRollup.get(delta.dim, delta.key, delta.bucket) as TraceRollupDbRow | undefined;
    const d = old ? mergeTraceDelta(deltaOfTraceRow(old), delta) : delta;
    (old ? updateRollup : insertRollup).run(d.traces, d.llmCalls, d.inputTokens, d.outputTokens, d.costUSD, d.errors,
      JSON.stringify(d.measures), d.dim, d.key, d.bucket);
  }

  function insertNew(traces: Trace[], receivedAt: number): Trace[] {
    const inserted: Trace[] = [];
    for (const t of traces) {
      const r = toTraceRow(t, receivedAt);
      const stored = insertTrace.run(r.id, r.started_at, r.received_at, r.session_id, r.name, r.user_id, r.department,
        r.feature, r.duration_ms, r.calls, r.input_tokens, r.output_tokens, r.cost_usd, r.errors, r.record).changes === 1;
      if (stored) inserted.push(t);
    }
    return inserted;
  }

  return db.transaction((batches: TraceBatch[]): TraceIngestResult[] => {
    const all: Trace[] = [];
    const results = batches.map(({ traces, receivedAt }): TraceIngestResult => {
      const inserted = insertNew(traces, receivedAt);
      all.push(...inserted);
      return { inserted, duplicates: traces.length - inserted.length };
    });
    for (const delta of foldTraces(all)) storeRollup(delta);
    return results;
  });
}
