// The `q` filter on SQLite through the calls_fts index (FTS5, trigram
// tokenizer, see migrations.ts version 5) instead of a scan of every record: a
// phrase query over what each call said (said-text.ts), case-insensitive, with
// quotes and % taken literally. Trigrams need three characters; a shorter
// query scans the same text.
import type Database from "better-sqlite3";
import type { CallFilter } from "./call-store.ts";
import { whereOf, type SqlClause, type TextMatch } from "./call-filter-sql.ts";
import { foldCase } from "./said-text.ts";

/** saidText (said-text.ts) as SQL over a record: what calls_fts holds of each call */
export const SAID_SQL = `concat_ws(char(10), json_extract(record, '$.prompt.text'), json_extract(record, '$.completion.text'),
  (SELECT group_concat(value, char(10)) FROM json_each(record, '$.tags')), json_extract(record, '$.feedback.comment'))`;

/** foldCase as an SQL function, registered on each connection (registerFold) */
const FOLD = "llmscope_fold";

export function registerFold(db: Database.Database): void {
  db.function(FOLD, { deterministic: true }, (text: unknown) => (typeof text === "string" ? foldCase(text) : text));
}

/** the query as one FTS5 phrase: its quotes doubled, its other characters literal */
export function ftsPhrase(q: string): string {
  return `"${q.replaceAll('"', '""')}"`;
}

const indexed = (q: string) => [...q].length >= 3;

/** the calls matching q, looked up by rowid from the index (or, under three characters, a scan) */
export const sqliteTextMatch: TextMatch = (q) =>
  indexed(q)
    ? { sql: "rowid IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)", params: [ftsPhrase(q)] }
    : { sql: `instr(${FOLD}(${SAID_SQL}), ?) > 0`, params: [foldCase(q)] };

// "+rowid": no lookup by rowid, so the calls are walked in the order asked for (newest first for a page) and
// each checked against the matches, stopping at the page, rather than every match fetched and sorted
const walkedTextMatch: TextMatch = (q) => ({ sql: "+rowid IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)", params: [ftsPhrase(q)] });

/**
 * Up to this many matches are fetched by rowid and sorted (a rare phrase: milliseconds
 * whatever the table's size); from this many on the calls are walked in order, which
 * finds a page of a common word within the first few hundred calls.
 */
const FEW_MATCHES = 2000;

export function createSqliteTextSearch(db: Database.Database) {
  const probe = db.prepare("SELECT count(*) FROM (SELECT 1 FROM calls_fts WHERE calls_fts MATCH ? LIMIT ?)").pluck();
  const countMatches = db.prepare("SELECT count(*) FROM calls_fts WHERE calls_fts MATCH ?").pluck();
  return {
    /** the filter as a WHERE clause for reading calls in time order (a page, or every match) */
    where(filter: CallFilter): SqlClause {
      const q = filter.q;
      if (!q || !indexed(q)) return whereOf(filter, sqliteTextMatch);
      const many = (probe.get(ftsPhrase(q), FEW_MATCHES) as number) >= FEW_MATCHES;
      return whereOf(filter, many ? walkedTextMatch : sqliteTextMatch);
    },

    /** how many calls match: from the index alone when q is the only filter */
    count(filter: Omit<CallFilter, "limit" | "cursor">, countWhere: (where: SqlClause) => number): number {
      const { q, ...rest } = filter;
      const others = Object.values(rest).some((v) => v !== undefined && v !== "");
      if (q && indexed(q) && !others) return countMatches.get(ftsPhrase(q)) as number;
      return countWhere(whereOf(filter, sqliteTextMatch));
    },
  };
}
