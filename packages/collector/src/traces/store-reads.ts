// Every read of the TraceStore, the same on both engines through a SqlReader.
import { getSession, listSessions } from "./session-reads.ts";
import type { SqlReader } from "./sql-reader.ts";
import { getTrace, listTraces, sampleTraces, traceRollups, traceStats } from "./trace-reads.ts";
import type { TraceStore } from "./trace-store.ts";

export function storeReads(reader: SqlReader): Omit<TraceStore, "ingest"> {
  return {
    listTraces: (filter) => listTraces(reader, filter),
    getTrace: (id) => getTrace(reader, id),
    stats: (query) => traceStats(reader, query),
    rollups: (dim, keys, from, to) => traceRollups(reader, dim, keys, from, to),
    sample: (filter, limit) => sampleTraces(reader, filter, limit),
    listSessions: (filter) => listSessions(reader, filter),
    getSession: (id) => getSession(reader, id),
  };
}
