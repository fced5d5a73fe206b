// The TraceStore on the SQLite store's connection.
import type Database from "better-sqlite3";
import type { Trace } from "@llmscope/core";
import { getSession, listSessions } from "./session-reads.ts";
import { sqliteReader } from "./sql-reader.ts";
import { createSqliteTraceIngest } from "./sqlite-trace-ingest.ts";
import { getTrace, listTraces, sampleTraces, traceRollups, traceStats } from "./trace-reads.ts";
import type { TraceStore } from "./trace-store.ts";

export function createSqliteTraceStore(db: Database.Database): TraceStore {
  // prepared on first use: a read-only open of a database from before traces must still work
  let ingest: ReturnType<typeof createSqliteTraceIngest> | undefined;
  const reader = sqliteReader(db);
  return {
    async ingest(traces: Trace[], receivedAt: number) {
      if (!traces.length) return { inserted: [], duplicates: 0 };
      return (ingest ??= createSqliteTraceIngest(db))(traces, receivedAt);
    },
    listTraces: (filter) => listTraces(reader, filter),
    getTrace: (id) => getTrace(reader, id),
    stats: (query) => traceStats(reader, query),
    rollups: (dim, keys, from, to) => traceRollups(reader, dim, keys, from, to),
    sample: (filter, limit) => sampleTraces(reader, filter, limit),
    listSessions: (filter) => listSessions(reader, filter),
    getSession: (id) => getSession(reader, id),
  };
}
