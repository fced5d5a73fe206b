// The TraceStore on the SQLite store's connection.
import type Database from "better-sqlite3";
import type { Trace } from "@llmscope/core";
import { createGroupCommit } from "../store/group-commit.ts";
import { sqliteReader } from "./sql-reader.ts";
import { createSqliteTraceIngest, type TraceBatch } from "./sqlite-trace-ingest.ts";
import { storeReads } from "./store-reads.ts";
import type { TraceIngestResult, TraceStore } from "./trace-store.ts";

/** traces in one transaction at most, as calls (a request carries at most a batch's worth) */
const MAX_TRACES_PER_COMMIT = 5000;

export function createSqliteTraceStore(db: Database.Database): TraceStore {
  // prepared on first use: a read-only open of a database from before traces must still work
  let ingest: ((batch: TraceBatch) => Promise<TraceIngestResult>) | undefined;
  return {
    async ingest(traces: Trace[], receivedAt: number) {
      if (!traces.length) return { inserted: [], duplicates: 0 };
      ingest ??= createGroupCommit(createSqliteTraceIngest(db), { maxItems: MAX_TRACES_PER_COMMIT, sizeOf: (b) => b.traces.length });
      return ingest({ traces, receivedAt });
    },
    ...storeReads(sqliteReader(db)),
  };
}
