// The trace tables on PostgreSQL (a migration of ../store/postgres/migrations.ts):
// SQLite's, with traces partitioned by month of started_at like calls, so
// retention drops a month of traces with that month of calls.
export const PG_TRACE_SCHEMA = `
  CREATE TABLE traces (
    id text COLLATE "C" NOT NULL,
    started_at bigint NOT NULL,
    received_at bigint NOT NULL,
    session_id text NOT NULL,
    name text NOT NULL,
    user_id text,
    department text,
    feature text,
    duration_ms double precision,
    calls bigint NOT NULL,
    input_tokens double precision NOT NULL,
    output_tokens double precision NOT NULL,
    cost_usd double precision NOT NULL,
    errors bigint NOT NULL,
    -- the whole record, steps included, as JSON text (as calls keep theirs)
    record text NOT NULL,
    -- a resent trace carries the same id and start, so this key makes retries harmless
    PRIMARY KEY (id, started_at)
  ) PARTITION BY RANGE (started_at);
  CREATE INDEX traces_started ON traces (started_at DESC, id DESC);
  CREATE INDEX traces_session ON traces (session_id, started_at);
  CREATE INDEX traces_user ON traces (user_id, started_at DESC) WHERE user_id IS NOT NULL;
  -- calls are found through the record's callIds, as on SQLite

  CREATE TABLE trace_rollup (
    dim text NOT NULL,
    key text NOT NULL,
    bucket integer NOT NULL,
    traces bigint NOT NULL,
    llm_calls bigint NOT NULL,
    input_tokens double precision NOT NULL,
    output_tokens double precision NOT NULL,
    cost_usd double precision NOT NULL,
    errors bigint NOT NULL,
    measures jsonb NOT NULL,
    PRIMARY KEY (dim, key, bucket)
  );
`;

/** as on SQLite (see sqlite-trace-schema.ts): stats of a bucket range without walking the dimension's every row */
export const PG_TRACE_ROLLUP_BY_BUCKET = "CREATE INDEX trace_rollup_dim_bucket ON trace_rollup (dim, bucket);";
