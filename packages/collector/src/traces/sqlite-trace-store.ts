// The TraceStore on the SQLite store's connection.
import type Database from "better-sqlite3";
import type { Trace } from "@llmscope/core";
import { sqliteReader } from "./sql-reader.ts";
import { createSqliteTraceIngest } from "./sqlite-trace-ingest.ts";
import { storeReads } from "./store-reads.ts";
import type { TraceStore } from "./trace-store.ts";

export function createSqliteTraceStore(db: Database.Database): TraceStore {
  // prepared on first use: a read-only open of a database from before traces must still work
  let ingest: ReturnType<typeof createSqliteTraceIngest> | undefined;
  return {
    async ingest(traces: Trace[], receivedAt: number) {
      if (!traces.length) return { inserted: [], duplicates: 0 };
      return (ingest ??= createSqliteTraceIngest(db))(traces, receivedAt);
    },
    ...storeReads(sqliteReader(db)),
  };
}
