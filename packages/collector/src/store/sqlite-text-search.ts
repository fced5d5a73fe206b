// The `q` filter on SQLite through the calls_fts index (FTS5, trigram
// tokenizer, see migrations.ts version 5) instead of a LIKE scan of every
// record: a phrase query over the record's JSON text finds the same calls the
// scan did, case-insensitively, with quotes and % taken literally. Trigrams
// need three characters; a shorter query still scans.
import type { CallFilter } from "./call-store.ts";
import { whereOf } from "./call-filter-sql.ts";

/** the query as the record's JSON spells it (quotes and backslashes escaped) */
const asJsonText = (q: string): string => JSON.stringify(q).slice(1, -1);

export function sqliteWhereOf(filter: CallFilter): { sql: string; params: (string | number)[] } {
  const q = filter.q;
  if (!q || [...asJsonText(q)].length < 3) return whereOf(filter);
  const { q: _, ...rest } = filter;
  const base = whereOf(rest);
  const match = "rowid IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)";
  return {
    sql: base.sql ? `${base.sql} AND ${match}` : `WHERE ${match}`,
    params: [...base.params, `"${asJsonText(q).replaceAll('"', '""')}"`],
  };
}
