// Schema versions, applied in order inside one transaction each and recorded in
// the migrations table, so an old database file upgrades itself on open.
import type Database from "better-sqlite3";
import { SQLITE_TRACE_ROLLUP_BY_BUCKET, SQLITE_TRACE_SCHEMA } from "../traces/sqlite-trace-schema.ts";
import { SAID_SQL } from "./sqlite-text-search.ts";

/**
 * The measures incidents move beside tokens and cost: the served snapshot, streamed or not (a
 * non-streamed call's first token comes with its whole body), cached input and cache writes.
 * Rollups count cached and cache-write tokens and the streamed calls their TTFT histogram is over.
 */
const MEASURES_V3 = `
  ALTER TABLE calls ADD COLUMN response_model TEXT;
  ALTER TABLE calls ADD COLUMN stream INTEGER;
  ALTER TABLE calls ADD COLUMN cached_input_tokens INTEGER;
  ALTER TABLE calls ADD COLUMN cache_write_tokens INTEGER;
  ALTER TABLE rollup ADD COLUMN cached_input_tokens INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE rollup ADD COLUMN cache_write_tokens INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE rollup ADD COLUMN streamed INTEGER NOT NULL DEFAULT 0;
`;

/** the text the q filter searches: prompt, completion, tag values and a feedback comment */
const SAID = SAID_SQL;

const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE calls (
        id TEXT PRIMARY KEY,
        started_at INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        session_id TEXT NOT NULL,
        user_id TEXT,
        department TEXT,
        feature TEXT,
        prompt_id TEXT,
        provider TEXT NOT NULL,
        model TEXT,
        operation TEXT,
        fingerprint TEXT NOT NULL,
        prompt_hash TEXT NOT NULL,
        status INTEGER,
        error_kind TEXT,
        input_tokens INTEGER,
        output_tokens INTEGER,
        total_tokens INTEGER,
        cost_usd REAL,
        duration_ms REAL,
        ttft_ms REAL,
        feedback_score INTEGER,
        record TEXT NOT NULL
      );
      -- Newest-first listing; the low-cardinality filters (model, provider,
      -- feature, department) ride this index as a filtered range scan.
      CREATE INDEX calls_started ON calls (started_at DESC, id DESC);
      CREATE INDEX calls_user ON calls (user_id, started_at DESC) WHERE user_id IS NOT NULL;
      CREATE INDEX calls_session ON calls (session_id, started_at DESC);
      CREATE INDEX calls_fingerprint ON calls (fingerprint, started_at DESC);
      CREATE INDEX calls_prompt_hash ON calls (prompt_hash, started_at DESC);
      CREATE INDEX calls_prompt_id ON calls (prompt_id, started_at DESC) WHERE prompt_id IS NOT NULL;
      CREATE INDEX calls_error ON calls (error_kind, started_at DESC) WHERE error_kind IS NOT NULL;

      -- Per-day aggregates by dimension: /v1/stats and the alert rules read
      -- these instead of scanning calls.
      CREATE TABLE rollup (
        dim TEXT NOT NULL,
        key TEXT NOT NULL,
        day INTEGER NOT NULL,
        calls INTEGER NOT NULL,
        input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        cost_usd REAL NOT NULL,
        errors INTEGER NOT NULL,
        errors_by_kind TEXT NOT NULL,
        latency_hist TEXT NOT NULL,
        ttft_hist TEXT NOT NULL,
        PRIMARY KEY (dim, key, day)
      ) WITHOUT ROWID;
      CREATE INDEX rollup_dim_day ON rollup (dim, day);

      -- A bounded window of recent total-token counts per prompt key, for the
      -- trailing-median spike rule.
      CREATE TABLE token_window (
        prompt_key TEXT PRIMARY KEY,
        totals TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Feedback may arrive before its call; it waits here and is applied on insert.
      CREATE TABLE feedback (
        call_id TEXT PRIMARY KEY,
        score INTEGER NOT NULL,
        comment TEXT,
        at INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        dedup_key TEXT NOT NULL UNIQUE,
        value REAL NOT NULL,
        baseline REAL NOT NULL,
        threshold REAL NOT NULL,
        message TEXT NOT NULL,
        evidence TEXT NOT NULL,
        fired_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX alerts_fired ON alerts (fired_at DESC);
      CREATE INDEX alerts_subject ON alerts (kind, subject, fired_at DESC);
    `,
  },
  {
    version: 2,
    sql: `
      -- Quality scores are folded here as the evaluation loop stores them
      -- (sums and counts per component), so /v1/stats never scans calls.
      CREATE TABLE quality_rollup (
        dim TEXT NOT NULL,
        key TEXT NOT NULL,
        day INTEGER NOT NULL,
        scored INTEGER NOT NULL,
        relevance_sum REAL NOT NULL, relevance_n INTEGER NOT NULL,
        accuracy_sum REAL NOT NULL, accuracy_n INTEGER NOT NULL,
        coherence_sum REAL NOT NULL, coherence_n INTEGER NOT NULL,
        safety_sum REAL NOT NULL, safety_n INTEGER NOT NULL,
        average_sum REAL NOT NULL,
        PRIMARY KEY (dim, key, day)
      ) WITHOUT ROWID;

      -- The rowid of the last call the evaluation loop has scored.
      CREATE TABLE quality_cursor (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL
      );

      -- Feedback is sparse and can change (👍 turned 👎): satisfaction is
      -- counted from the calls that carry it, through this small index.
      CREATE INDEX calls_feedback ON calls (started_at) WHERE feedback_score IS NOT NULL;
    `,
  },
  {
    version: 3,
    sql: MEASURES_V3,
  },
  { version: 4, sql: SQLITE_TRACE_SCHEMA },
  {
    version: 5,
    sql: `
      -- Text search (the q filter) over what a call said: prompt, completion
      -- and tag values. A trigram index answers substring queries of three
      -- characters or more without scanning every record; only that text is
      -- indexed, not the whole record, which would cost ingest ten times more.
      -- Contentless (the text is in calls.record); kept up to date by the
      -- triggers, and filled from the calls already stored.
      CREATE VIRTUAL TABLE calls_fts USING fts5(said, content='', contentless_delete=1, tokenize='trigram');
      INSERT INTO calls_fts (rowid, said) SELECT rowid, ${SAID} FROM calls;
      CREATE TRIGGER calls_fts_insert AFTER INSERT ON calls BEGIN
        INSERT INTO calls_fts (rowid, said) VALUES (new.rowid, ${SAID.replaceAll("record", "new.record")});
      END;
      CREATE TRIGGER calls_fts_delete AFTER DELETE ON calls BEGIN
        DELETE FROM calls_fts WHERE rowid = old.rowid;
      END;
      -- feedback rewrites the record: its comment is searchable too
      CREATE TRIGGER calls_fts_update AFTER UPDATE OF record ON calls BEGIN
        DELETE FROM calls_fts WHERE rowid = old.rowid;
        INSERT INTO calls_fts (rowid, said) VALUES (new.rowid, ${SAID.replaceAll("record", "new.record")});
      END;
    `,
  },
  {
    version: 6,
    sql: `
      -- A trace whose record never came is read from the calls carrying its id
      -- (GET /v1/traces/:id); only the calls made inside a trace are indexed.
      CREATE INDEX calls_trace ON calls (json_extract(record, '$.traceId')) WHERE json_extract(record, '$.traceId') IS NOT NULL;
    `,
  },
  { version: 7, sql: SQLITE_TRACE_ROLLUP_BY_BUCKET },
];

export function migrate(db: Database.Database): number {
  db.exec("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
  // every version not recorded yet (not only those above the highest), so a version added between two others runs too
  const applied = new Set(db.prepare("SELECT version FROM migrations").pluck().all() as number[]);
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO migrations (version, applied_at) VALUES (?, ?)").run(m.version, Date.now());
    })();
  }
  return MIGRATIONS[MIGRATIONS.length - 1]!.version;
}
