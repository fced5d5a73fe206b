// The embedded default store on better-sqlite3.
//
// Durability: WAL journal with `synchronous=NORMAL` by default. A commit is
// written to the WAL before the handler answers, so an acknowledged batch
// survives `kill -9` and any process crash (the OS holds the written pages);
// only a power loss or kernel crash can lose the last commits. Pass
// `synchronous: "full"` to fsync the WAL on every commit as well, which also
// survives power loss at the cost of one fsync per batch. Either way one batch
// is stored in one transaction (batches arriving together may share it: see
// group-commit.ts), and the handler answers only after it commits.
import Database from "better-sqlite3";
import type { FeedbackItem, LLMCall } from "@llmscope/core";
import type { Alert } from "../alerts/alert.ts";
import type {
  AlertQuery, CallFilter, CallInOrder, CallPage, CallStore, FeedbackResult, IngestResult, QualityQuery, QualityStatsRow,
  RollupRow, ScoredCall, SimilarCalls, SimilarQuery, StatsQuery, StatsRow,
} from "./call-store.ts";
import { migrate } from "./migrations.ts";
import { createIngest, type IngestBatch } from "./sqlite-ingest.ts";
import { createGroupCommit } from "./group-commit.ts";
import { rebuildRollups } from "./rebuild-rollups.ts";
import { rewindWal } from "./wal-rewind.ts";
import { createSimilar } from "./sqlite-similar.ts";
import { createRollupReader, createStats } from "./sqlite-stats.ts";
import { createAlertStore } from "./sqlite-alerts.ts";
import { createQualityStore } from "./sqlite-quality.ts";
import { createSqliteTextSearch, registerFold } from "./sqlite-text-search.ts";
import { encodeCursor } from "./cursor.ts";
import { createExpirySchedule, DEFAULT_PARKED_FEEDBACK, type ParkedFeedbackLimits } from "./parked-feedback.ts";
import { startBackgroundCheckpoint, type BackgroundCheckpoint } from "./background-checkpoint.ts";
import { createSqliteTraceStore } from "../traces/sqlite-trace-store.ts";
import { dropSqliteCallsBefore } from "./sqlite-retention.ts";
import type { RetentionResult } from "./months.ts";
import type { TraceStore } from "../traces/trace-store.ts";

export interface SqliteStoreOptions {
  /** "normal" (default): acknowledged batches survive process crashes; "full": survive power loss too */
  synchronous?: "full" | "normal";
  /** how many recent calls per prompt the spike baseline looks at; default 50 */
  tokenWindowSize?: number;
  readonly?: boolean;
  /**
   * checkpoint the WAL from a worker thread instead of inside commits (what
   * `llmscope serve` uses); default false, which keeps SQLite's automatic checkpoints
   */
  backgroundCheckpoint?: boolean;
  /**
   * batches posted at the same moment share one transaction (group commit) up
   * to this many calls; default 5000
   */
  maxCallsPerCommit?: number;
  /** with backgroundCheckpoint: rewind the WAL once it holds this many frames; default 16,384 (64 MiB) */
  walRewindFrames?: number;
  /** how long and how much feedback for calls not stored (yet) is kept; default 7 days, 100,000 rows */
  parkedFeedback?: Partial<ParkedFeedbackLimits>;
}

const MAX_PAGE = 500;

export class SqliteStore implements CallStore {
  readonly db: Database.Database;
  readonly traces: TraceStore;
  private readonly ingestBatch: (batch: IngestBatch) => Promise<IngestResult>;
  private readonly similarTo: ReturnType<typeof createSimilar>;
  private readonly statsOf: ReturnType<typeof createStats>;
  private readonly rollupsOf: ReturnType<typeof createRollupReader>;
  private readonly alertStore: ReturnType<typeof createAlertStore>;
  private readonly textSearch: ReturnType<typeof createSqliteTextSearch>;
  // prepared on first use: a read-only open of a database from before the quality tables must still work
  private qualityStatements: ReturnType<typeof createQualityStore> | undefined;
  private readonly feedbackTx: (items: FeedbackItem[]) => FeedbackResult;
  private readonly byId: Database.Statement;
  private checkpointer: BackgroundCheckpoint | undefined;
  private walRewindDue = false;

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.db = new Database(path, options.readonly ? { readonly: true, fileMustExist: true } : {});
    this.db.pragma("busy_timeout = 5000");
    registerFold(this.db);
    if (!options.readonly) {
      this.db.pragma("journal_mode = WAL");
      this.db.pragma(`synchronous = ${options.synchronous === "full" ? "FULL" : "NORMAL"}`);
      // Hot pages (index tails, rollup rows) are rewritten by every batch; a
      // larger WAL copies each back to the database once per checkpoint rather
      // than every 4 MB, and the size limit trims the file afterwards.
      this.db.pragma("wal_autocheckpoint = 10000");
      this.db.pragma("journal_size_limit = 67108864");
      migrate(this.db);
      if (options.backgroundCheckpoint && path !== ":memory:") {
        this.db.pragma("wal_autocheckpoint = 0");
        this.checkpointer = startBackgroundCheckpoint(path, 250, {
          onFailure: () => {
            // the worker could not checkpoint: let commits do it again
            if (this.db.open) this.db.pragma("wal_autocheckpoint = 10000");
          },
          onLargeWal: () => (this.walRewindDue = true),
        }, options.walRewindFrames);
      }
    }
    this.db.pragma("cache_size = -65536");
    this.db.pragma("temp_store = MEMORY");
    const ingestGroup = createIngest(this.db, options.tokenWindowSize ?? 50);
    this.ingestBatch = createGroupCommit((batches: IngestBatch[]) => {
      if (this.walRewindDue && rewindWal(this.db)) this.walRewindDue = false;
      return ingestGroup(batches);
    }, {
      maxItems: options.maxCallsPerCommit ?? 5000,
      sizeOf: (b) => b.calls.length,
    });
    this.similarTo = createSimilar(this.db);
    this.statsOf = createStats(this.db);
    this.rollupsOf = createRollupReader(this.db);
    this.alertStore = createAlertStore(this.db);
    this.textSearch = createSqliteTextSearch(this.db);
    this.feedbackTx = this.createFeedback({ ...DEFAULT_PARKED_FEEDBACK, ...options.parkedFeedback });
    this.byId = this.db.prepare("SELECT record FROM calls WHERE id = ?").pluck();
    this.traces = createSqliteTraceStore(this.db);
  }

  async ingest(calls: LLMCall[], receivedAt: number): Promise<IngestResult> {
    return this.ingestBatch({ calls, receivedAt });
  }

  async addFeedback(items: FeedbackItem[]): Promise<FeedbackResult> {
    return this.feedbackTx(items);
  }

  async getCall(id: string): Promise<LLMCall | undefined> {
    const record = this.byId.get(id) as string | undefined;
    return record === undefined ? undefined : JSON.parse(record);
  }

  async listCalls(filter: CallFilter): Promise<CallPage> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), MAX_PAGE);
    const rows = this.textSearch.page(filter, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const result: CallPage = { calls: page.map((r) => JSON.parse(r.record)) };
    if (rows.length > limit && last) result.cursor = encodeCursor({ startedAt: last.started_at, id: last.id });
    return result;
  }

  async similar(id: string, query: SimilarQuery): Promise<SimilarCalls | undefined> {
    return this.similarTo(id, query);
  }

  async stats(query: StatsQuery): Promise<StatsRow[]> {
    return this.statsOf(query);
  }

  async rollups(dim: string, keys: string[], fromDay: number, toDay: number): Promise<RollupRow[]> {
    return this.rollupsOf(dim, keys, fromDay, toDay);
  }

  async recordAlert(alert: Alert, cooldownMs: number): Promise<boolean> {
    return this.alertStore.record(alert, cooldownMs);
  }

  async listAlerts(query: AlertQuery): Promise<Alert[]> {
    return this.alertStore.list(query);
  }

  async *iterateCalls(filter: Omit<CallFilter, "limit" | "cursor">): AsyncIterable<LLMCall> {
    // Pages by keyset rather than holding one cursor open, so other requests can
    // use the connection between pages.
    let after: { startedAt: number; id: string } | undefined;
    const base = this.textSearch.where(filter);
    for (;;) {
      const keyset = after ? `${base.sql ? base.sql + " AND" : "WHERE"} (started_at > ? OR (started_at = ? AND id > ?))` : base.sql;
      const params = after ? [...base.params, after.startedAt, after.startedAt, after.id] : base.params;
      const rows = this.db
        .prepare(`SELECT started_at, id, record FROM calls ${keyset} ORDER BY started_at, id LIMIT 1000`)
        .all(...params) as { started_at: number; id: string; record: string }[];
      for (const r of rows) yield JSON.parse(r.record) as LLMCall;
      const last = rows[rows.length - 1];
      if (!last || rows.length < 1000) return;
      after = { startedAt: last.started_at, id: last.id };
    }
  }

  async count(filter: Omit<CallFilter, "limit" | "cursor"> = {}): Promise<number> {
    return this.textSearch.count(filter, (where) => this.db.prepare(`SELECT COUNT(*) FROM calls ${where.sql}`).pluck().get(...where.params) as number);
  }

  async rebuildRollups(progress?: (rows: number) => void): Promise<number> {
    return rebuildRollups(this.db, progress);
  }

  /** retention: deletes the months of calls, and of traces, that end at or before `cutoff` (epoch ms), in short transactions; rollups stay */
  dropCallsBefore(cutoff: number): Promise<RetentionResult> {
    return dropSqliteCallsBefore(this.db, cutoff);
  }

  private get qualityStore(): ReturnType<typeof createQualityStore> {
    return (this.qualityStatements ??= createQualityStore(this.db));
  }

  async nextForQuality(limit: number): Promise<CallInOrder[]> {
    return this.qualityStore.next(limit);
  }

  async saveQuality(scored: ScoredCall[], seq: number): Promise<void> {
    this.qualityStore.save(scored, seq);
  }

  async qualityStats(query: QualityQuery): Promise<QualityStatsRow[]> {
    return this.qualityStore.stats(query);
  }

  async close(): Promise<void> {
    // stop the worker first so this connection is the last one and closing folds the WAL back in
    await this.checkpointer?.stop();
    this.checkpointer = undefined;
    if (this.db.open) this.db.close();
  }

  private createFeedback(limits: ParkedFeedbackLimits): (items: FeedbackItem[]) => FeedbackResult {
    const apply = this.db.prepare(
      "UPDATE calls SET feedback_score = ?, record = json_set(record, '$.feedback', json(?)) WHERE id = ?",
    );
    const park = this.db.prepare("INSERT OR REPLACE INTO feedback (call_id, score, comment, at) VALUES (?, ?, ?, ?)");
    // age is measured from the newest parked feedback, not the clock, so a backfill of old calls keeps its feedback
    const expireOld = this.db.prepare("DELETE FROM feedback WHERE at < (SELECT MAX(at) FROM feedback) - ?");
    const dropOldest = this.db.prepare("DELETE FROM feedback WHERE call_id IN (SELECT call_id FROM feedback ORDER BY at LIMIT max(0, (SELECT COUNT(*) FROM feedback) - ?))");
    const due = createExpirySchedule(limits);
    return this.db.transaction((items: FeedbackItem[]) => {
      const result: FeedbackResult = { applied: 0, pending: [] };
      for (const f of items) {
        const json = JSON.stringify({ score: f.score, at: f.at, ...(f.comment !== undefined ? { comment: f.comment } : {}) });
        if (apply.run(f.score, json, f.callId).changes === 1) result.applied++;
        else {
          park.run(f.callId, f.score, f.comment ?? null, f.at);
          result.pending.push(f.callId);
        }
      }
      const now = Date.now();
      if (result.pending.length && due(result.pending.length, now)) {
        expireOld.run(limits.maxAgeMs);
        dropOldest.run(limits.maxRows);
      }
      return result;
    });
  }
}
