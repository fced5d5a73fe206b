import { existsSync } from "node:fs";
import type { CallStore } from "../store/call-store.ts";
import { SqliteStore, type SqliteStoreOptions } from "../store/sqlite-store.ts";
import { createPostgresStore } from "../store/postgres/postgres-store.ts";
import { UsageError } from "./cli-io.ts";

/** `--db postgres://…` (or postgresql://) names a PostgreSQL database; anything else is a SQLite file */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** the store `--db` names, created when missing (what `llmscope serve` uses) */
export function openStore(db: string, sqlite: SqliteStoreOptions = {}): Promise<CallStore> {
  return isPostgresUrl(db) ? createPostgresStore(db) : Promise.resolve(new SqliteStore(db, sqlite));
}

/** opens an existing database; reading commands never create an empty one by mistake */
export async function openExistingStore(db: string): Promise<CallStore> {
  if (isPostgresUrl(db)) return createPostgresStore(db);
  if (!existsSync(db)) throw new UsageError(`no database at ${db} (pass --db, or run \`llmscope serve\` first)`);
  return new SqliteStore(db);
}

/** `--db` as it may be printed: a URL loses its password */
export function printableDb(db: string): string {
  if (!isPostgresUrl(db)) return db;
  try {
    const u = new URL(db);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}
