// Turns a CallFilter into a WHERE clause over the flat columns.
import type { CallFilter } from "./call-store.ts";
import { decodeCursor } from "./cursor.ts";

const EQUALITY: [keyof CallFilter, string][] = [
  ["userId", "user_id"],
  ["sessionId", "session_id"],
  ["model", "model"],
  ["provider", "provider"],
  ["feature", "feature"],
  ["department", "department"],
  ["fingerprint", "fingerprint"],
  ["promptId", "prompt_id"],
  ["errorKind", "error_kind"],
  ["responseModel", "response_model"],
];

export function whereOf(filter: CallFilter): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  for (const [field, column] of EQUALITY) {
    const value = filter[field];
    if (value === undefined || value === "") continue;
    clauses.push(`${column} = ?`);
    params.push(value as string);
  }
  if (filter.q) {
    // the record is JSON text: match the query as JSON would spell it, with LIKE's wildcards escaped
    clauses.push("lower(record) LIKE ? ESCAPE '\\'");
    params.push(`%${JSON.stringify(filter.q.toLowerCase()).slice(1, -1).replace(/[\\%_]/g, "\\$&")}%`);
  }
  if (filter.from !== undefined) {
    clauses.push("started_at >= ?");
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    clauses.push("started_at < ?");
    params.push(filter.to);
  }
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    clauses.push("(started_at < ? OR (started_at = ? AND id < ?))");
    params.push(c.startedAt, c.startedAt, c.id);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}
