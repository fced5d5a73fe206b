// The storage seam: the handler, the alert engine and the CLI speak only this
// interface, so SQLite can be swapped for D1 or Postgres. Every method is async
// even though better-sqlite3 is not, because the other backends are.
import type { ErrorKind, LLMCall, Quality } from "@llmscope/core";
import type { FeedbackItem } from "@llmscope/core";
import type { Alert } from "../alerts/alert.ts";
import type { TraceStore } from "../traces/trace-store.ts";
import type { RetentionResult } from "./months.ts";

export interface CallFilter {
  userId?: string;
  sessionId?: string;
  /** epoch ms, inclusive */
  from?: number;
  /** epoch ms, exclusive */
  to?: number;
  model?: string;
  provider?: string;
  feature?: string;
  department?: string;
  fingerprint?: string;
  promptId?: string;
  errorKind?: ErrorKind;
  /** the snapshot the provider served */
  responseModel?: string;
  /** a substring of what the call said: prompt and completion text, tag values, feedback comment (said-text.ts); case-insensitive, literal */
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface CallPage {
  calls: LLMCall[];
  /** absent on the last page */
  cursor?: string;
}

/** what the store learned about one newly stored call while storing it */
export interface IngestedCall {
  call: LLMCall;
  /** promptId tag when present, else the fingerprint: the unit token baselines are kept for */
  promptKey: string;
  totalTokens: number;
  /** median total tokens of the prompt's recent calls before this one; absent with no history */
  tokenBaseline?: { median: number; samples: number };
}

export interface IngestResult {
  inserted: IngestedCall[];
  /** calls already stored under the same id (retries) */
  duplicates: number;
}

export interface FeedbackResult {
  applied: number;
  /** ids not stored yet: kept, and applied when the call arrives */
  pending: string[];
}

export interface SimilarQuery {
  /** half-width of the time window around the call, ms */
  windowMs: number;
  limit: number;
}

export interface SimilarCalls {
  callId: string;
  fingerprint: string;
  promptHash: string;
  window: { from: number; to: number };
  total: number;
  sameFingerprint: number;
  samePromptOnly: number;
  byUser: { userId: string; calls: number }[];
  byFeature: { feature: string; calls: number }[];
  calls: CallSummary[];
}

export interface CallSummary {
  id: string;
  startedAt: number;
  userId?: string;
  feature?: string;
  model?: string;
  totalTokens?: number;
  costUSD?: number;
  errorKind?: string;
  match: "fingerprint" | "prompt";
}

/** "prompt" groups by promptId where the app names its prompts, else by fingerprint */
export const STATS_DIMENSIONS = ["department", "feature", "user", "model", "promptId", "prompt", "provider", "responseModel", "all"] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

export interface StatsQuery {
  groupBy: StatsDimension;
  /** "hour" only for the dimensions rolled up per hour (HOURLY_DIMENSIONS); from/to then select the hours they overlap */
  period: "hour" | "day" | "month" | "all";
  from?: number;
  to?: number;
}

export interface StatsRow {
  period: string;
  key: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUSD: number;
  errors: number;
  errorsByKind: Record<string, number>;
  latencyP50Ms?: number;
  latencyP95Ms?: number;
  /** over streamed calls only (a non-streamed call's first token is its whole body) */
  ttftP50Ms?: number;
  ttftP95Ms?: number;
  /** input tokens read from a prompt cache (part of inputTokens) */
  cachedInputTokens?: number;
  /** input tokens written to a prompt cache */
  cacheWriteTokens?: number;
  /** streamed calls, the ones TTFT is over */
  streamed?: number;
}

/** one pre-aggregated (dimension, key, day) row */
export interface RollupRow {
  dim: string;
  key: string;
  day: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUSD: number;
  errors: number;
}

export interface AlertQuery {
  from?: number;
  to?: number;
  kind?: string;
  limit?: number;
}

/** /v1/stats' quality part; keys narrows it to some subjects (the alert rules) */
export interface QualityQuery extends StatsQuery {
  /** quality is rolled up per day */
  period: "day" | "month" | "all";
  keys?: string[];
}

export interface QualityStatsRow {
  period: string;
  key: string;
  /** calls the evaluators scored */
  scored: number;
  /** mean of each component over the calls that have it, 0..100 */
  relevance?: number;
  accuracy?: number;
  coherence?: number;
  safety?: number;
  average?: number;
  thumbsUp: number;
  thumbsDown: number;
  /** thumbsUp / (thumbsUp + thumbsDown); absent with no votes */
  satisfaction?: number;
}

/** a stored call with its place in arrival order */
export interface CallInOrder {
  seq: number;
  call: LLMCall;
}

export interface ScoredCall {
  callId: string;
  quality: Quality;
}

export interface CallStore {
  /** request traces beside the calls (a store without them ignores the envelope's traces) */
  readonly traces?: TraceStore;
  /** store new calls (ignoring known ids) and their aggregates in one transaction; resolves after commit */
  ingest(calls: LLMCall[], receivedAt: number): Promise<IngestResult>;
  addFeedback(items: FeedbackItem[]): Promise<FeedbackResult>;
  getCall(id: string): Promise<LLMCall | undefined>;
  listCalls(filter: CallFilter): Promise<CallPage>;
  similar(id: string, query: SimilarQuery): Promise<SimilarCalls | undefined>;
  stats(query: StatsQuery): Promise<StatsRow[]>;
  /** pre-aggregated rows for the given keys of one dimension, days inclusive */
  rollups(dim: string, keys: string[], fromDay: number, toDay: number): Promise<RollupRow[]>;
  /** false when an alert with the same dedupKey exists or its subject is cooling down */
  recordAlert(alert: Alert, cooldownMs: number): Promise<boolean>;
  listAlerts(query: AlertQuery): Promise<Alert[]>;
  /** every call matching the filter, oldest first */
  iterateCalls(filter: Omit<CallFilter, "limit" | "cursor">): AsyncIterable<LLMCall>;
  count(filter?: Omit<CallFilter, "limit" | "cursor">): Promise<number>;
  /**
   * recomputes the rollups of every day that has calls from the calls
   * themselves, in one transaction; reports the calls folded so far after each
   * day and resolves with their number
   */
  rebuildRollups(progress?: (rows: number) => void): Promise<number>;
  /**
   * Quality (optional: a store without these runs no evaluation). The next calls
   * after the evaluation cursor, in arrival order; the first read puts the
   * cursor at the newest stored call, so older calls are not scored.
   */
  nextForQuality?(limit: number): Promise<CallInOrder[]>;
  /** put scores on their stored calls, fold them into the quality aggregates, move the cursor to seq; one transaction */
  saveQuality?(scored: ScoredCall[], seq: number): Promise<void>;
  qualityStats?(query: QualityQuery): Promise<QualityStatsRow[]>;
  /**
   * Retention (optional): drops the calls and traces of every month (UTC) that
   * ends at or before `cutoff` (epoch ms), with what hangs off them (feedback,
   * scores, text-search entries, steps); the rollups stay.
   */
  dropCallsBefore?(cutoff: number): Promise<RetentionResult>;
  close(): Promise<void>;
}
