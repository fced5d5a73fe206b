// The trace seam beside CallStore: each store exposes one as `store.traces`,
// so the handler, the alert rules and the CLI never learn which engine holds them.
import type { Trace } from "@llmscope/core";
import type { SessionDetail, SessionPage, TraceDetail, TracePage, TraceStatsDimension, TraceStatsRow } from "./api-types.ts";
import type { TraceRollupDelta } from "./trace-rollup.ts";

export interface TraceFilter {
  /** epoch ms, inclusive */
  from?: number;
  /** epoch ms, exclusive */
  to?: number;
  userId?: string;
  sessionId?: string;
  feature?: string;
  department?: string;
  name?: string;
  minDurationMs?: number;
  minCostUSD?: number;
  hasError?: boolean;
  /** text in the trace record (name, tags, steps and their attributes) or in what one of its calls said (as /v1/calls?q= finds it), case-insensitive */
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface SessionFilter {
  from?: number;
  to?: number;
  userId?: string;
  feature?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface TraceStatsQuery {
  groupBy: TraceStatsDimension;
  period: "hour" | "day" | "month" | "all";
  from?: number;
  to?: number;
}

export interface TraceIngestResult {
  /** traces stored by this call (not seen before) */
  inserted: Trace[];
  /** traces already stored under the same id (retries) */
  duplicates: number;
}

export interface TraceStore {
  /**
   * Stores new traces (ignoring known ids) and folds them into the trace
   * rollups; one transaction. A trace finds its calls through its callIds, so
   * they may be stored before, with or long after it.
   */
  ingest(traces: Trace[], receivedAt: number): Promise<TraceIngestResult>;
  listTraces(filter: TraceFilter): Promise<TracePage>;
  getTrace(id: string): Promise<TraceDetail | undefined>;
  stats(query: TraceStatsQuery): Promise<TraceStatsRow[]>;
  /** rollup rows of one dimension ("name", "feature", "department", "all"; "<dim>@hour" for hours) for some keys, buckets inclusive */
  rollups(dim: string, keys: string[], fromBucket: number, toBucket: number): Promise<TraceRollupDelta[]>;
  /** the newest whole records (steps included) matching the filter, at most limit: what root cause reads */
  sample(filter: Omit<TraceFilter, "limit" | "cursor">, limit: number): Promise<Trace[]>;
  listSessions(filter: SessionFilter): Promise<SessionPage>;
  getSession(id: string): Promise<SessionDetail | undefined>;
}
