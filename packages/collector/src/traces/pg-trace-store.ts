// The TraceStore on the PostgreSQL store's pool.
import type pg from "pg";
import { createPgTraceIngest } from "./pg-trace-ingest.ts";
import { createTracePartitionKeeper } from "./pg-trace-partitions.ts";
import { pgReader } from "./sql-reader.ts";
import { storeReads } from "./store-reads.ts";
import type { TraceStore } from "./trace-store.ts";

export function createPgTraceStore(pool: pg.Pool): TraceStore {
  return { ingest: createPgTraceIngest(pool, createTracePartitionKeeper(pool)), ...storeReads(pgReader(pool)) };
}
