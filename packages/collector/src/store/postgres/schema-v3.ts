// The measures incidents move beside tokens and cost (see ../migrations.ts, version 3):
// the served snapshot, streamed or not, cached input and cache writes, on calls and rollups.
export const SCHEMA_V3 = `
  ALTER TABLE calls ADD COLUMN response_model text;
  ALTER TABLE calls ADD COLUMN stream smallint;
  ALTER TABLE calls ADD COLUMN cached_input_tokens double precision;
  ALTER TABLE calls ADD COLUMN cache_write_tokens double precision;
  ALTER TABLE rollup ADD COLUMN cached_input_tokens double precision NOT NULL DEFAULT 0;
  ALTER TABLE rollup ADD COLUMN cache_write_tokens double precision NOT NULL DEFAULT 0;
  ALTER TABLE rollup ADD COLUMN streamed bigint NOT NULL DEFAULT 0;
`;
