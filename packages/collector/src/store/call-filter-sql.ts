// Turns a CallFilter into a WHERE clause over the flat columns; the text
// search (q) is the engine's own (see said-text.ts for what it matches).
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

export interface SqlClause {
  sql: string;
  params: (string | number)[];
}

/** the engine's condition that a call matches the text search q */
export type TextMatch = (q: string) => SqlClause;

export function whereOf(filter: CallFilter, textMatch: TextMatch): SqlClause {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  for (const [field, column] of EQUALITY) {
    const value = filter[field];
    if (value === undefined || value === "") continue;
    clauses.push(`${column} = ?`);
    params.push(value as string);
  }
  if (filter.q) {
    const text = textMatch(filter.q);
    clauses.push(text.sql);
    params.push(...text.params);
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
