// The first PostgreSQL schema: the same tables as SQLite's, with calls
// partitioned by month of started_at (partitions are made on demand, see
// partitions.ts) so retention drops whole partitions.
export const SCHEMA_V1 = `
  -- Idempotence on id alone: a partitioned table's unique keys must include
  -- the partition column, so ids are claimed here first. A NULL started_at is
  -- feedback waiting for its call; ingest claims that row when the call arrives.
  -- ids compare byte-wise (COLLATE "C"), as in SQLite: the same page order, and cheaper
  CREATE TABLE call_ids (
    id text COLLATE "C" PRIMARY KEY,
    started_at bigint
  );
  CREATE INDEX call_ids_started ON call_ids (started_at) WHERE started_at IS NOT NULL;

  CREATE TABLE calls (
    id text COLLATE "C" NOT NULL,
    started_at bigint NOT NULL,
    received_at bigint NOT NULL,
    session_id text NOT NULL,
    user_id text,
    department text,
    feature text,
    prompt_id text,
    provider text NOT NULL,
    model text,
    operation text,
    fingerprint text NOT NULL,
    prompt_hash text NOT NULL,
    status double precision,
    error_kind text,
    input_tokens double precision,
    output_tokens double precision,
    total_tokens double precision,
    cost_usd double precision,
    duration_ms double precision,
    ttft_ms double precision,
    feedback_score smallint,
    -- the whole record as JSON text: text keeps what jsonb cannot (\\u0000, key order) and costs no parse
    record text NOT NULL,
    PRIMARY KEY (id, started_at)
  ) PARTITION BY RANGE (started_at);
  -- Newest-first listing and time windows; the low-cardinality filters ride it.
  CREATE INDEX calls_started ON calls (started_at DESC, id DESC);
  CREATE INDEX calls_user ON calls (user_id, started_at DESC) WHERE user_id IS NOT NULL;
  CREATE INDEX calls_session ON calls (session_id, started_at DESC);
  CREATE INDEX calls_fingerprint ON calls (fingerprint, started_at DESC);
  CREATE INDEX calls_prompt_hash ON calls (prompt_hash, started_at DESC);
  CREATE INDEX calls_prompt_id ON calls (prompt_id, started_at DESC) WHERE prompt_id IS NOT NULL;
  CREATE INDEX calls_error ON calls (error_kind, started_at DESC) WHERE error_kind IS NOT NULL;

  CREATE TABLE rollup (
    dim text NOT NULL,
    key text NOT NULL,
    day integer NOT NULL,
    calls bigint NOT NULL,
    input_tokens double precision NOT NULL,
    output_tokens double precision NOT NULL,
    cost_usd double precision NOT NULL,
    errors bigint NOT NULL,
    errors_by_kind jsonb NOT NULL,
    latency_hist jsonb NOT NULL,
    ttft_hist jsonb NOT NULL,
    PRIMARY KEY (dim, key, day)
  );
  CREATE INDEX rollup_dim_day ON rollup (dim, day);

  CREATE TABLE token_window (
    prompt_key text PRIMARY KEY,
    totals jsonb NOT NULL
  );

  CREATE TABLE feedback (
    call_id text PRIMARY KEY,
    score smallint NOT NULL,
    comment text,
    at double precision NOT NULL
  );

  CREATE TABLE alerts (
    id text PRIMARY KEY,
    kind text NOT NULL,
    subject text NOT NULL,
    dedup_key text NOT NULL UNIQUE,
    value double precision NOT NULL,
    baseline double precision NOT NULL,
    threshold double precision NOT NULL,
    message text NOT NULL,
    evidence text NOT NULL,
    fired_at double precision NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE INDEX alerts_fired ON alerts (fired_at DESC);
  CREATE INDEX alerts_subject ON alerts (kind, subject, fired_at DESC);
`;
