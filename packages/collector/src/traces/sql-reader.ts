// The trace reads are the same SQL on both engines: written once with `?`
// placeholders, run by SQLite as is and by PostgreSQL numbered ($1, $2…).
// Their SQL holds no other `?`.
import type Database from "better-sqlite3";
import type pg from "pg";

export interface SqlReader {
  all<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
}

export function sqliteReader(db: Database.Database): SqlReader {
  const statements = new Map<string, Database.Statement>();
  return {
    async all<T>(sql: string, params: readonly unknown[]) {
      let s = statements.get(sql);
      if (!s) statements.set(sql, (s = db.prepare(sql)));
      return s.all(...params) as T[];
    },
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
  };
}
