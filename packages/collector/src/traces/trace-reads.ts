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
/** a trace known only from its calls shows at most this many, the first ones */
const MAX_TRACE_CALLS = 5000;
type ListRow = Pick<TraceRow, "started_at" | "id" | "record" | "calls" | "input_tokens" | "output_tokens" | "cost_usd" | "errors">;
export const TRACE_LIST_COLUMNS = "t.started_at, t.id, t.record, t.calls, t.input_tokens, t.output_tokens, t.cost_usd, t.errors";

export function listItemOf(row: ListRow) {
  return traceListItem(JSON.parse(row.record) as Trace, row);
}

export async function listTraces(db: SqlReader, filter: TraceFilter): Promise<TracePage> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), MAX_PAGE);
  const where = traceWhereOf(filter, db);
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

export async function sampleTraces(db: SqlReader, filter: Omit<TraceFilter, "limit" | "cursor">, limit: number): Promise<Trace[]> {
  const where = traceWhereOf(filter, db);
  const rows = await db.all<{ record: string }>(`SELECT t.record FROM traces t ${where.sql} ORDER BY t.started_at DESC, t.id DESC LIMIT ?`, [...where.params, limit]);
  return rows.map((r) => JSON.parse(r.record) as Trace);
}

/** the stored ones of the trace's calls, in start order (a call not yet arrived is simply absent) */
export async function callsOfTrace(db: SqlReader, trace: Trace): Promise<LLMCall[]> {
  const ids = [...new Set(trace.callIds ?? [])];
  const calls: LLMCall[] = [];
  // in slices, so a trace of thousands of calls stays under any engine's parameter limit
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const rows = await db.all<{ record: string }>(`SELECT record FROM calls WHERE id IN (${slice.map(() => "?").join(", ")})`, slice);
    for (const r of rows) calls.push(JSON.parse(r.record) as LLMCall);
  }
  return calls.sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
}

/** a trace whose record never came (lost, or not sent yet) is still the calls that carry its id */
async function traceOfCallsOnly(db: SqlReader, id: string): Promise<TraceDetail | undefined> {
  const rows = await db.all<{ record: string }>(
    `SELECT record FROM calls WHERE ${db.callTraceId} = ? ORDER BY started_at, id LIMIT ${MAX_TRACE_CALLS}`, [id]);
  if (!rows.length) return undefined;
  const calls = rows.map((r) => JSON.parse(r.record) as LLMCall).sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
  const waterfall = waterfallRows(undefined, [], calls);
  const startedAt = Math.min(...calls.map((c) => c.startedAt));
  const endedAt = waterfall.reduce((end, r) => Math.max(end, r.startedAt + (r.durationMs ?? 0)), startedAt);
  return { stepRecords: [], calls, rows: waterfall, startedAt, endedAt };
}

export async function getTrace(db: SqlReader, id: string): Promise<TraceDetail | undefined> {
  const [row] = await db.all<ListRow>(`SELECT ${TRACE_LIST_COLUMNS} FROM traces t WHERE t.id = ? LIMIT 1`, [id]);
  if (!row) return traceOfCallsOnly(db, id);
  const trace = JSON.parse(row.record) as Trace;
  const calls = await callsOfTrace(db, trace);
  const steps = [...trace.steps].sort((a, b) => a.startedAt - b.startedAt);
  const rows = waterfallRows(trace, steps, calls);
  const endedAt = trace.durationMs !== undefined
    ? trace.startedAt + trace.durationMs
    : rows.reduce((end, r) => Math.max(end, r.startedAt + (r.durationMs ?? 0)), trace.startedAt);
  return { trace: traceListItem(trace, row), stepRecords: steps, calls, rows, startedAt: trace.startedAt, endedAt };
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
  // an open end adds no condition: all of a dimension's rows are read along its key, not through the bucket index
  const bounds = [...(q.from !== undefined ? [["bucket >= ?", from]] : []), ...(q.to !== undefined ? [["bucket <= ?", to]] : [])] as [string, number][];
  const rows = await db.all<TraceRollupDbRow>(
    `SELECT * FROM trace_rollup WHERE ${["dim = ?", ...bounds.map(([sql]) => sql)].join(" AND ")}`, [dim, ...bounds.map(([, v]) => v)]);
  return traceStatsFromRollups(rows.map(deltaOfTraceRow), q.period);
}
