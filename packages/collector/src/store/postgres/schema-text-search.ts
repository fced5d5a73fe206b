// Text search through an index (see pg-text-search.ts). Version 5 was a
// trigram index on the whole record, withdrawn because it made ingest three
// times slower (a database may have it: version 6 drops it); version 6 indexes
// only what a call said, case-folded, in its own column, with GIN's pending
// list taking each batch's entries (fastupdate) so an insert appends rather
// than updates the index tree.
export const SCHEMA_V5_WITHDRAWN = "SELECT 1;";

export const SCHEMA_TEXT_SEARCH = `
  DROP INDEX IF EXISTS calls_record_trgm;
  ALTER TABLE calls ADD COLUMN search_text text;
  -- calls stored before: what they said, read back from the record (as said-text.ts builds it); a
  -- record holding \\u0000 (which json text cannot give back) is searched whole
  UPDATE calls SET search_text = CASE WHEN strpos(record, '\\u0000') > 0 THEN lower(record) ELSE (
    SELECT lower(concat_ws(E'\\n', r -> 'prompt' ->> 'text', r -> 'completion' ->> 'text',
      (SELECT string_agg(t.value, E'\\n') FROM json_each_text(r -> 'tags') AS t), r -> 'feedback' ->> 'comment'))
    FROM (SELECT record::json AS r) AS parsed) END;
  DO $$
  DECLARE
    trgm_schema text;
  BEGIN
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NULL THEN
      BEGIN
        -- pg_trgm ships with PostgreSQL and is trusted: a database's owner may create it. The index
        -- names its operator class with this schema, so a search_path without it works
        CREATE EXTENSION pg_trgm SCHEMA public;
        trgm_schema := 'public';
      EXCEPTION WHEN others THEN
        RAISE NOTICE 'llmscope: pg_trgm is not available (%), text search scans', SQLERRM;
        RETURN;
      END;
    END IF;
    EXECUTE format('CREATE INDEX calls_search_trgm ON calls USING gin (search_text %I.gin_trgm_ops) WITH (fastupdate = on)', trgm_schema);
  END $$;
`;
