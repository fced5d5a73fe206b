// The TraceStore on the PostgreSQL store's pool.
import type pg from "pg";
import { createPgTraceIngest } from "./pg-trace-ingest.ts";
import { createTracePartitionKeeper } from "./pg-trace-partitions.ts";
import { getSession, listSessions } from "./session-reads.ts";
import { pgReader } from "./sql-reader.ts";
import { getTrace, listTraces, sampleTraces, traceRollups, traceStats } from "./trace-reads.ts";
import type { TraceStore } from "./trace-store.ts";

export function createPgTraceStore(pool: pg.Pool): TraceStore {
  const ingest = createPgTraceIngest(pool, createTracePartitionKeeper(pool));
  const reader = pgReader(pool);
  return {
    ingest,
    listTraces: (filter) => listTraces(reader, filter),
    getTrace: (id) => getTrace(reader, id),
    stats: (query) => traceStats(reader, query),
    rollups: (dim, keys, from, to) => traceRollups(reader, dim, keys, from, to),
    sample: (filter, limit) => sampleTraces(reader, filter, limit),
    listSessions: (filter) => listSessions(reader, filter),
    getSession: (id) => getSession(reader, id),
  };
}
