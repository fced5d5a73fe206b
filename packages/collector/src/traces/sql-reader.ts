// The trace reads are the same SQL on both engines: written once with `?`
// placeholders, run by SQLite as is and by PostgreSQL numbered ($1, $2…).
// Their SQL holds no other `?`.
import type Database from "better-sqlite3";
import type pg from "pg";
import type { SqlClause, TextMatch } from "../store/call-filter-sql.ts";
import { sqliteTextMatch } from "../store/sqlite-text-search.ts";
import { pgTextMatch } from "../store/postgres/pg-text-search.ts";

export interface SqlReader {
  all<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
  /** where the engines differ: a call's traceId as SQL, and the calls' own text search (the q of /v1/calls) */
  callTraceId: string;
  callTextWhere(q: string): SqlClause;
}

export function sqliteReader(db: Database.Database): SqlReader {
  const statements = new Map<string, Database.Statement>();
  return {
    async all<T>(sql: string, params: readonly unknown[]) {
      let s = statements.get(sql);
      if (!s) statements.set(sql, (s = db.prepare(sql)));
      return s.all(...params) as T[];
    },
    // the expression of the calls_trace index (migrations.ts version 6)
    callTraceId: "json_extract(record, '$.traceId')",
    // the index's matches looked up by rowid (not walked newest first as a page of calls is: all of them are wanted)
    callTextWhere: whereMatching(sqliteTextMatch),
  };
}

function whereMatching(match: TextMatch): (q: string) => SqlClause {
  return (q) => {
    const m = match(q);
    return { sql: `WHERE ${m.sql}`, params: m.params };
  };
}

export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function pgReader(pool: pg.Pool): SqlReader {
  return {
    async all<T>(sql: string, params: readonly unknown[]) {
      return (await pool.query(numberedPlaceholders(sql), params as unknown[])).rows as T[];
    },
    // json, not jsonb: the record may hold \u0000, which jsonb refuses
    callTraceId: "(record::json ->> 'traceId')",
    callTextWhere: whereMatching(pgTextMatch),
  };
}
