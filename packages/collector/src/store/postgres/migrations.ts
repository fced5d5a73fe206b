// Schema versions for PostgreSQL, applied in order under an advisory lock so
// several collectors starting at once on one database migrate it once.
import type pg from "pg";
import { SCHEMA_V1 } from "./schema-v1.ts";
import { SCHEMA_V2 } from "./schema-v2.ts";
import { SCHEMA_V3 } from "./schema-v3.ts";
import { SCHEMA_TEXT_SEARCH, SCHEMA_V5_WITHDRAWN } from "./schema-text-search.ts";
import { PG_TRACE_ROLLUP_BY_BUCKET, PG_TRACE_SCHEMA } from "../../traces/pg-trace-schema.ts";

const MIGRATIONS: { version: number; sql: string }[] = [
  { version: 1, sql: SCHEMA_V1 },
  { version: 2, sql: SCHEMA_V2 },
  { version: 3, sql: SCHEMA_V3 },
  { version: 4, sql: PG_TRACE_SCHEMA },
  { version: 5, sql: SCHEMA_V5_WITHDRAWN },
  { version: 6, sql: SCHEMA_TEXT_SEARCH },
  { version: 7, sql: PG_TRACE_ROLLUP_BY_BUCKET },
];

export async function migrate(pool: pg.Pool, schema?: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('llmscope:migrate'))");
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query("CREATE TABLE IF NOT EXISTS llmscope_migrations (version integer PRIMARY KEY, applied_at bigint NOT NULL)");
    // every version not recorded yet (not only those above the highest), so a version added between two others runs too
    const { rows } = await client.query<{ version: number }>("SELECT version FROM llmscope_migrations");
    const applied = new Set(rows.map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query("INSERT INTO llmscope_migrations (version, applied_at) VALUES ($1, $2)", [m.version, Date.now()]);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return MIGRATIONS[MIGRATIONS.length - 1]!.version;
}
