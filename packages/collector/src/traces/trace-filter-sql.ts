// A TraceFilter as a WHERE clause over the traces table (alias t), with `?`
// placeholders: the SQLite store runs it as is, PostgreSQL after numbering them.
import { decodeCursor } from "../store/cursor.ts";
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

export function traceWhereOf(filter: TraceFilter): { sql: string; params: (string | number)[] } {
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
    add("lower(t.record) LIKE ? ESCAPE '\\'", recordLikePattern(filter.q));
  }
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    add("(t.started_at < ? OR (t.started_at = ? AND t.id < ?))", c.startedAt, c.startedAt, c.id);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}
