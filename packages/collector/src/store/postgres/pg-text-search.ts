// The `q` filter on PostgreSQL: a substring of what a call said (said-text.ts),
// case-insensitive and literal, matched against calls.search_text (that text,
// case-folded, kept beside the record at ingest and on feedback) through the
// calls_search_trgm index (pg_trgm GIN, see schema-text-search.ts).
import type { LLMCall } from "@llmscope/core";
import type { TextMatch } from "../call-filter-sql.ts";
import { containsPattern, foldCase, saidText } from "../said-text.ts";
import { withoutNul } from "./pg-text.ts";

/** the search_text column's value for a call (PostgreSQL text holds no NUL) */
export function searchTextOf(call: LLMCall): string {
  return withoutNul(foldCase(saidText(call)));
}

export const pgTextMatch: TextMatch = (q) =>
  // no stored text holds NUL, and PostgreSQL refuses it in a parameter
  q.includes("\u0000") ? { sql: "false", params: [] } : { sql: "search_text LIKE ? ESCAPE '\\'", params: [containsPattern(foldCase(q))] };
