// A TraceFilter as a WHERE clause over the traces table (alias t), with `?`
// placeholders: the SQLite store runs it as is, PostgreSQL after numbering them.
import { decodeCursor } from "../store/cursor.ts";
import type { SqlReader } from "./sql-reader.ts";
import type { TraceFilter } from "./trace-store.ts";

const EQUALITY: [keyof TraceFilter, string][] = [
  ["userId", "t.user_id"],
  ["sessionId", "t.session_id"],
  ["feature", "t.feature"],
  ["department", "t.department"],
  ["name", "t.name"],
];

/** the pattern a lower-cased JSON record contains when it holds `text`, LIKE's wildcards escaped */
export function recordLikePattern(text: string): string {
  return `%${JSON.stringify(text.toLowerCase()).slice(1, -1).replace(/[\\%_]/g, "\\$&")}%`;
}

/** `calls` speaks the engine's own text search over calls and the SQL of a call's traceId (see sql-reader.ts) */
export function traceWhereOf(filter: TraceFilter, calls: Pick<SqlReader, "callTextWhere" | "callTraceId">): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => (clauses.push(sql), params.push(...values));
  for (const [field, column] of EQUALITY) {
    const value = filter[field];
    if (typeof value === "string" && value !== "") add(`${column} = ?`, value);
  }
  if (filter.from !== undefined) add("t.started_at >= ?", filter.from);
  if (filter.to !== undefined) add("t.started_at < ?", filter.to);
  if (filter.minDurationMs !== undefined) add("t.duration_ms >= ?", filter.minDurationMs);
  if (filter.minCostUSD !== undefined) add("t.cost_usd >= ?", filter.minCostUSD);
  if (filter.hasError === true) add("t.errors > 0");
  if (filter.hasError === false) add("t.errors = 0");
  if (filter.q) {
    // the trace's own record, or what one of its calls said: the calls' text search (an index on SQLite) names their traces
    const said = calls.callTextWhere(filter.q);
    add(`(lower(t.record) LIKE ? ESCAPE '\\' OR t.id IN (SELECT ${calls.callTraceId} FROM calls ${said.sql}))`, recordLikePattern(filter.q), ...said.params);
  }
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    add("(t.started_at < ? OR (t.started_at = ? AND t.id < ?))", c.startedAt, c.startedAt, c.id);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}
