// The `q` filter on SQLite through the calls_fts index (FTS5, trigram
// tokenizer, see migrations.ts version 5) instead of a LIKE scan of every
// record: a phrase query over what each call said (prompt, completion, tag
// values, feedback comment), case-insensitive, with quotes and % taken
// literally. Trigrams need three characters; a shorter query still scans.
import type { CallFilter } from "./call-store.ts";
import { whereOf } from "./call-filter-sql.ts";

/** the query as one FTS5 phrase: its quotes doubled, its other characters literal */
export function ftsPhrase(q: string): string {
  return `"${q.replaceAll('"', '""')}"`;
}

export function sqliteWhereOf(filter: CallFilter): { sql: string; params: (string | number)[] } {
  const q = filter.q;
  if (!q || [...q].length < 3) return whereOf(filter);
  const { q: _, ...rest } = filter;
  const base = whereOf(rest);
  // "+rowid": walk the calls newest first and check each against the matches, stopping at a page,
  // rather than fetch every match and sort them (a common word at 300,000 calls: 1.5 s, now milliseconds)
  const match = "+rowid IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)";
  return {
    sql: base.sql ? `${base.sql} AND ${match}` : `WHERE ${match}`,
    params: [...base.params, ftsPhrase(q)],
  };
}
