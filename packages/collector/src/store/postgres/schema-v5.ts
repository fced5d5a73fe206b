// Text search (the q filter, `lower(record) LIKE '%…%'`) through a trigram
// index instead of a scan of every record (see ../migrations.ts, version 5).
// pg_trgm ships with PostgreSQL and is a trusted extension, so a database's
// owner may create it; where it cannot be created the store still works and
// text search scans, as before.
export const SCHEMA_V5 = `
  DO $$
  DECLARE
    trgm_schema text;
  BEGIN
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NULL THEN
      BEGIN
        -- the index names its operator class with this schema, so a search_path without it works
        CREATE EXTENSION pg_trgm SCHEMA public;
        trgm_schema := 'public';
      EXCEPTION WHEN others THEN
        RAISE NOTICE 'llmscope: pg_trgm is not available (%), text search scans', SQLERRM;
        RETURN;
      END;
    END IF;
    EXECUTE format('CREATE INDEX calls_record_trgm ON calls USING gin (lower(record) %I.gin_trgm_ops)', trgm_schema);
  END $$;
`;
