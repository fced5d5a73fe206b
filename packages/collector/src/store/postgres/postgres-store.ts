// The shared store for several collectors behind a load balancer: the same
// CallStore as SqliteStore, on PostgreSQL. Every collector may ingest, answer
// queries and raise alerts at once; ids, rollups, token windows, parked
// feedback and alert cooldowns stay exact because each is merged under
// PostgreSQL's row or advisory locks rather than in one process's memory.
import type pg from "pg";
import type { FeedbackItem, LLMCall } from "@llmscope/core";
import type { Alert } from "../../alerts/alert.ts";
import type {
  AlertQuery, CallFilter, CallInOrder, CallPage, CallStore, FeedbackResult, IngestResult, QualityQuery, QualityStatsRow,
  RollupRow, ScoredCall, SimilarCalls, SimilarQuery, StatsQuery, StatsRow,
} from "../call-store.ts";
import { createPool, type PoolOptions } from "./pool.ts";
import { rebuildPgRollups } from "./pg-rebuild-rollups.ts";
import { migrate } from "./migrations.ts";
import { createPartitionKeeper, dropCallsBefore, listPartitions, type MonthPartition, type RetentionResult } from "./partitions.ts";
import { createPgIngest } from "./pg-ingest.ts";
import { createPgFeedback } from "./pg-feedback.ts";
import { DEFAULT_PARKED_FEEDBACK, type ParkedFeedbackLimits } from "../parked-feedback.ts";
import { createPgCalls } from "./pg-calls.ts";
import { createPgSimilar } from "./pg-similar.ts";
import { createPgStats } from "./pg-stats.ts";
import { createPgAlerts } from "./pg-alerts.ts";
import { createPgQuality } from "./pg-quality.ts";
import { createPgQualityStats } from "./pg-quality-stats.ts";
import { createPgTraceStore } from "../../traces/pg-trace-store.ts";
import { dropTracesBefore } from "../../traces/pg-trace-partitions.ts";
import type { TraceStore } from "../../traces/trace-store.ts";

export interface PostgresStoreOptions extends PoolOptions {
  /** how many recent calls per prompt the spike baseline looks at; default 50 */
  tokenWindowSize?: number;
  /** how long and how much feedback for calls not stored (yet) is kept; default 7 days, 100,000 rows */
  parkedFeedback?: Partial<ParkedFeedbackLimits>;
}

export class PostgresStore implements CallStore {
  private readonly ingestBatch: ReturnType<typeof createPgIngest>;
  private readonly feedback: ReturnType<typeof createPgFeedback>;
  private readonly calls: ReturnType<typeof createPgCalls>;
  private readonly similarTo: ReturnType<typeof createPgSimilar>;
  private readonly aggregates: ReturnType<typeof createPgStats>;
  private readonly alerts: ReturnType<typeof createPgAlerts>;
  private readonly quality: ReturnType<typeof createPgQuality>;
  private readonly qualityRows: ReturnType<typeof createPgQualityStats>;
  private closed = false;
  readonly traces: TraceStore;

  /** use createPostgresStore, which migrates the schema first */
  constructor(readonly pool: pg.Pool, options: PostgresStoreOptions = {}) {
    this.ingestBatch = createPgIngest(pool, createPartitionKeeper(pool), options.tokenWindowSize ?? 50);
    this.feedback = createPgFeedback(pool, { ...DEFAULT_PARKED_FEEDBACK, ...options.parkedFeedback });
    this.calls = createPgCalls(pool);
    this.similarTo = createPgSimilar(pool);
    this.aggregates = createPgStats(pool);
    this.alerts = createPgAlerts(pool);
    this.quality = createPgQuality(pool);
    this.qualityRows = createPgQualityStats(pool);
    this.traces = createPgTraceStore(pool);
  }

  ingest(calls: LLMCall[], receivedAt: number): Promise<IngestResult> {
    return this.ingestBatch(calls, receivedAt);
  }

  addFeedback(items: FeedbackItem[]): Promise<FeedbackResult> {
    return this.feedback(items);
  }

  getCall(id: string): Promise<LLMCall | undefined> {
    return this.calls.get(id);
  }

  listCalls(filter: CallFilter): Promise<CallPage> {
    return this.calls.list(filter);
  }

  similar(id: string, query: SimilarQuery): Promise<SimilarCalls | undefined> {
    return this.similarTo(id, query);
  }

  stats(query: StatsQuery): Promise<StatsRow[]> {
    return this.aggregates.stats(query);
  }

  rollups(dim: string, keys: string[], fromDay: number, toDay: number): Promise<RollupRow[]> {
    return this.aggregates.rollups(dim, keys, fromDay, toDay);
  }

  recordAlert(alert: Alert, cooldownMs: number): Promise<boolean> {
    return this.alerts.record(alert, cooldownMs);
  }

  listAlerts(query: AlertQuery): Promise<Alert[]> {
    return this.alerts.list(query);
  }

  iterateCalls(filter: Omit<CallFilter, "limit" | "cursor">): AsyncIterable<LLMCall> {
    return this.calls.iterate(filter);
  }

  count(filter: Omit<CallFilter, "limit" | "cursor"> = {}): Promise<number> {
    return this.calls.count(filter);
  }

  /**
   * Queued calls claimed for this collector alone (see pg-quality.ts). Every
   * call of one claim carries the claim's number as seq: PostgreSQL hands out
   * no arrival-order cursor, since sequence order is not commit order here.
   */
  nextForQuality(limit: number): Promise<CallInOrder[]> {
    return this.quality.next(limit);
  }

  /** stores the scores of the claim numbered seq and ends it, unscored calls included */
  saveQuality(scored: ScoredCall[], seq: number): Promise<void> {
    return this.quality.save(scored, seq);
  }

  qualityStats(query: QualityQuery): Promise<QualityStatsRow[]> {
    return this.qualityRows(query);
  }

  rebuildRollups(progress?: (rows: number) => void): Promise<number> {
    return rebuildPgRollups(this.pool, progress);
  }

  /** retention: drops the months of calls, and of traces, that end at or before `cutoff` (epoch ms); rollups stay */
  async dropCallsBefore(cutoff: number): Promise<RetentionResult> {
    const result = await dropCallsBefore(this.pool, cutoff);
    return { ...result, traces: await dropTracesBefore(this.pool, cutoff) };
  }

  /** the monthly partitions of calls, oldest first */
  partitions(): Promise<MonthPartition[]> {
    return listPartitions(this.pool);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** connects, brings the schema up to date, and returns the store */
export async function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const pool = await createPool(url, options);
  try {
    await migrate(pool, options.schema);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return new PostgresStore(pool, options);
}
