// The trace tables on SQLite (a migration of ../store/migrations.ts).
export const SQLITE_TRACE_SCHEMA = `
  -- One row per trace: the flat columns it is filtered by, and the whole
  -- record (steps included) as JSON, read back in one piece for the waterfall.
  CREATE TABLE traces (
    id TEXT PRIMARY KEY,
    started_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    session_id TEXT NOT NULL,
    name TEXT NOT NULL,
    user_id TEXT,
    department TEXT,
    feature TEXT,
    duration_ms REAL,
    calls INTEGER NOT NULL,
    input_tokens REAL NOT NULL,
    output_tokens REAL NOT NULL,
    cost_usd REAL NOT NULL,
    errors INTEGER NOT NULL,
    record TEXT NOT NULL
  );
  CREATE INDEX traces_started ON traces (started_at DESC, id DESC);
  CREATE INDEX traces_session ON traces (session_id, started_at);
  CREATE INDEX traces_user ON traces (user_id, started_at DESC) WHERE user_id IS NOT NULL;
  -- No index on name: a few names ride traces_started as a filtered scan.
  -- No table of call-to-trace links either: the record lists its calls' ids
  -- (callIds), so a call may come before or after its trace and still be
  -- found, and storing calls costs nothing more.

  -- Per (dimension, key, day or hour) trace aggregates; measures holds each
  -- time component's sum, count and histogram as JSON.
  CREATE TABLE trace_rollup (
    dim TEXT NOT NULL,
    key TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    traces INTEGER NOT NULL,
    llm_calls INTEGER NOT NULL,
    input_tokens REAL NOT NULL,
    output_tokens REAL NOT NULL,
    cost_usd REAL NOT NULL,
    errors INTEGER NOT NULL,
    measures TEXT NOT NULL,
    PRIMARY KEY (dim, key, bucket)
  ) WITHOUT ROWID;
`;

/**
 * Hour rows are 24 a day per key: a stats read of a few hours found them by
 * walking every row of the dimension (the primary key leads with the key), a
 * cost that grew with the days kept. This index finds a bucket range directly.
 */
export const SQLITE_TRACE_ROLLUP_BY_BUCKET = "CREATE INDEX trace_rollup_dim_bucket ON trace_rollup (dim, bucket);";
