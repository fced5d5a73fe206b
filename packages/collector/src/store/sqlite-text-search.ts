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

/**
 * A LIKE pattern the JSON record matches whenever what the call said holds q: a cheap
 * test that lets a scan skip most calls before the exact one. ASCII is matched as itself
 * (LIKE folds ASCII case), but for i and k, which İ and K fold to, matched as any one
 * character; a quote, a backslash (both escaped in JSON) or any other non-ASCII character
 * as any run. Undefined when q holds a control character (it may be the line between two
 * of the parts).
 */
export function recordPrefilter(q: string): string | undefined {
  if (/[\u0000-\u001f]/.test(q)) return undefined;
  const parts = [...foldCase(q)].map((ch) => {
    if (ch.charCodeAt(0) > 0x7f || ch === '"' || ch === "\\") return "%";
    if (ch === "i" || ch === "k") return "_";
    return ch === "%" || ch === "_" ? `\\${ch}` : ch;
  });
  return `%${parts.join("")}%`;
}

/** q checked call by call: the record prefilter, then the said text itself */
const scannedTextMatch: TextMatch = (q) => {
  const exact = { sql: `instr(${FOLD}(${SAID_SQL}), ?) > 0`, params: [foldCase(q)] };
  const pattern = recordPrefilter(q);
  return pattern === undefined ? exact : { sql: `record LIKE ? ESCAPE '\\' AND ${exact.sql}`, params: [pattern, ...exact.params] };
};

/** the calls matching q, looked up by rowid from the index (or, under three characters, checked one by one) */
export const sqliteTextMatch: TextMatch = (q) =>
  indexed(q) ? { sql: "rowid IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)", params: [ftsPhrase(q)] } : scannedTextMatch(q);

// "+rowid": no lookup by rowid, so the calls are walked in the order asked for and each checked against the
// matches (all of them gathered first), rather than every match fetched and sorted
const walkedTextMatch: TextMatch = (q) => ({ sql: "+rowid IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)", params: [ftsPhrase(q)] });

/**
 * Up to this many matches are fetched by rowid and sorted (a rare phrase: milliseconds
 * whatever the table's size); from this many on, a page is first looked for among the
 * newest WALK_BUDGET calls one by one, which finds a common word's page within a few
 * hundred calls without gathering its every match, and failing that by walking the calls
 * against all the matches.
 */
const FEW_MATCHES = 2000;
const WALK_BUDGET = 4000;

export type PageRow = { started_at: number; id: string; record: string };
const ORDER = "ORDER BY started_at DESC, id DESC";

export function createSqliteTextSearch(db: Database.Database) {
  const probe = db.prepare("SELECT count(*) FROM (SELECT 1 FROM calls_fts WHERE calls_fts MATCH ? LIMIT ?)").pluck();
  const countMatches = db.prepare("SELECT count(*) FROM calls_fts WHERE calls_fts MATCH ?").pluck();
  const many = (q: string) => indexed(q) && (probe.get(ftsPhrase(q), FEW_MATCHES) as number) >= FEW_MATCHES;
  const rows = (where: SqlClause, size: number) =>
    db.prepare(`SELECT started_at, id, record FROM calls ${where.sql} ${ORDER} LIMIT ?`).all(...where.params, size) as PageRow[];
  return {
    /** the first `size` calls of the filter, newest first */
    page(filter: CallFilter, size: number): PageRow[] {
      const q = filter.q;
      if (!q || !many(q)) return rows(whereOf(filter, sqliteTextMatch), size);
      const { q: _, ...rest } = filter;
      const newest = whereOf(rest, sqliteTextMatch);
      const check = scannedTextMatch(q);
      const found = db.prepare(`SELECT started_at, id, record FROM (SELECT started_at, id, record FROM calls ${newest.sql} ${ORDER} LIMIT ${WALK_BUDGET})
        WHERE ${check.sql} ${ORDER} LIMIT ?`).all(...newest.params, ...check.params, size) as PageRow[];
      return found.length >= size ? found : rows(whereOf(filter, walkedTextMatch), size);
    },

    /** the filter as a WHERE clause for reading every match in time order */
    where(filter: CallFilter): SqlClause {
      return whereOf(filter, filter.q && many(filter.q) ? walkedTextMatch : sqliteTextMatch);
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
