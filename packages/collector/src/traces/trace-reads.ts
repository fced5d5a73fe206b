// Reading traces back, the same SQL on both engines (see sql-reader.ts): a
// filtered newest-first page, one trace with its steps and calls, rollup rows.
import type { LLMCall, Trace } from "@llmscope/core";
import { encodeCursor } from "../store/cursor.ts";
import type { TraceDetail, TracePage, TraceStatsRow } from "./api-types.ts";
import type { SqlReader } from "./sql-reader.ts";
import { traceListItem } from "./trace-list-item.ts";
import { deltaOfTraceRow, type TraceRollupDbRow, type TraceRollupDelta } from "./trace-rollup.ts";
import type { TraceRow } from "./trace-row.ts";
import { traceWhereOf } from "./trace-filter-sql.ts";
import { traceStatsFromRollups, traceStatsRange } from "./trace-stats.ts";
import type { TraceFilter, TraceStatsQuery } from "./trace-store.ts";
import { waterfallRows } from "./waterfall.ts";

const MAX_PAGE = 500;
type ListRow = Pick<TraceRow, "started_at" | "id" | "record" | "calls" | "input_tokens" | "output_tokens" | "cost_usd" | "errors">;
export const TRACE_LIST_COLUMNS = "t.started_at, t.id, t.record, t.calls, t.input_tokens, t.output_tokens, t.cost_usd, t.errors";

export function listItemOf(row: ListRow) {
  return traceListItem(JSON.parse(row.record) as Trace, row);
}

export async function listTraces(db: SqlReader, filter: TraceFilter): Promise<TracePage> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), MAX_PAGE);
  const where = traceWhereOf(filter);
  const rows = await db.all<ListRow>(
    `SELECT ${TRACE_LIST_COLUMNS} FROM traces t ${where.sql} ORDER BY t.started_at DESC, t.id DESC LIMIT ?`,
    [...where.params, limit + 1],
  );
  const page = rows.slice(0, limit);
  const result: TracePage = { traces: page.map(listItemOf) };
  const last = page[page.length - 1];
  if (rows.length > limit && last) result.cursor = encodeCursor({ startedAt: Number(last.started_at), id: last.id });
  return result;
}

export async function callsOfTrace(db: SqlReader, id: string): Promise<LLMCall[]> {
  const rows = await db.all<{ record: string }>(
    `SELECT c.record FROM trace_calls tc JOIN calls c ON c.id = tc.call_id AND c.started_at = tc.started_at
     WHERE tc.trace_id = ? ORDER BY c.started_at, c.id`,
    [id],
  );
  return rows.map((r) => JSON.parse(r.record) as LLMCall);
}

export async function getTrace(db: SqlReader, id: string): Promise<TraceDetail | undefined> {
  const [rows, calls] = await Promise.all([
    db.all<ListRow>(`SELECT ${TRACE_LIST_COLUMNS} FROM traces t WHERE t.id = ? LIMIT 1`, [id]),
    callsOfTrace(db, id),
  ]);
  const row = rows[0];
  if (!row && !calls.length) return undefined;
  const trace = row ? (JSON.parse(row.record) as Trace) : undefined;
  const steps = [...(trace?.steps ?? [])].sort((a, b) => a.startedAt - b.startedAt);
  const rowsOut = waterfallRows(trace, steps, calls);
  const starts = rowsOut.map((r) => r.startedAt);
  const ends = rowsOut.map((r) => r.startedAt + (r.durationMs ?? 0));
  const startedAt = trace?.startedAt ?? Math.min(...starts);
  const endedAt = trace?.durationMs !== undefined ? trace.startedAt + trace.durationMs : Math.max(startedAt, ...ends);
  const detail: TraceDetail = { stepRecords: steps, calls, rows: rowsOut, startedAt, endedAt };
  if (trace && row) detail.trace = traceListItem(trace, row);
  return detail;
}

export async function traceRollups(db: SqlReader, dim: string, keys: string[], from: number, to: number): Promise<TraceRollupDelta[]> {
  if (!keys.length) return [];
  const rows = await db.all<TraceRollupDbRow>(
    `SELECT * FROM trace_rollup WHERE dim = ? AND key IN (${keys.map(() => "?").join(", ")}) AND bucket >= ? AND bucket <= ?`,
    [dim, ...keys, from, to],
  );
  return rows.map(deltaOfTraceRow);
}

export async function traceStats(db: SqlReader, q: TraceStatsQuery): Promise<TraceStatsRow[]> {
  const { dim, from, to } = traceStatsRange(q);
  const rows = await db.all<TraceRollupDbRow>("SELECT * FROM trace_rollup WHERE dim = ? AND bucket >= ? AND bucket <= ?", [dim, from, to]);
  return traceStatsFromRollups(rows.map(deltaOfTraceRow), q.period);
}
