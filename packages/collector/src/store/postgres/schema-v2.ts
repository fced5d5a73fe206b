// Quality on PostgreSQL. SQLite reads calls after a rowid cursor; here several
// collectors commit at once, and a sequence number taken inside a transaction
// is not commit order (a lower number can commit after a higher one was read
// past), so a cursor could skip calls. Instead ingest queues each new call in
// quality_pending in its own transaction, and collectors claim queued calls
// with FOR UPDATE SKIP LOCKED under a lease: no call is skipped, and a call
// is folded into the rollups only by the claim that deletes its queue row.
export const SCHEMA_V2 = `
  -- sums and counts per component, as SQLite's quality_rollup
  CREATE TABLE quality_rollup (
    dim text NOT NULL,
    key text NOT NULL,
    day integer NOT NULL,
    scored bigint NOT NULL,
    relevance_sum double precision NOT NULL, relevance_n bigint NOT NULL,
    accuracy_sum double precision NOT NULL, accuracy_n bigint NOT NULL,
    coherence_sum double precision NOT NULL, coherence_n bigint NOT NULL,
    safety_sum double precision NOT NULL, safety_n bigint NOT NULL,
    average_sum double precision NOT NULL,
    PRIMARY KEY (dim, key, day)
  );

  -- a row once scoring has first run: until then ingest queues nothing, so
  -- calls stored before scoring was turned on are not scored (as on SQLite);
  -- a batch committing while this row is first written may go either way
  CREATE TABLE quality_enabled (
    id integer PRIMARY KEY CHECK (id = 1),
    at bigint NOT NULL
  );

  -- calls waiting for scores; queued only orders claims, claim is the number
  -- of the claim holding the row until lease_until (epoch ms)
  CREATE TABLE quality_pending (
    call_id text COLLATE "C" PRIMARY KEY,
    queued bigint GENERATED ALWAYS AS IDENTITY,
    claim bigint,
    lease_until bigint
  );
  CREATE INDEX quality_pending_queued ON quality_pending (queued);
  CREATE SEQUENCE quality_claim;

  -- satisfaction is counted from the calls that carry feedback
  CREATE INDEX calls_feedback ON calls (started_at) WHERE feedback_score IS NOT NULL;
`;
