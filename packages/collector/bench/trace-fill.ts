// Writes a million trace rows in SQL (no JS per row: a recursive CTE on SQLite,
// generate_series on PostgreSQL) and the rollup rows folded from the same
// traces, for the read benchmarks.
import pg from "pg";
import type { CallStore } from "../src/store/call-store.ts";
import { PostgresStore } from "../src/store/postgres/postgres-store.ts";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { testPostgresAdminUrl } from "../src/testing/postgres-server.ts";
import { createTracePartitionKeeper } from "../src/traces/pg-trace-partitions.ts";
import type { TraceRollupDelta } from "../src/traces/trace-rollup.ts";

const ROLLUP_COLUMNS = "dim, key, bucket, traces, llm_calls, input_tokens, output_tokens, cost_usd, errors, measures";
const rollupValues = (d: TraceRollupDelta) => [d.dim, d.key, d.bucket, d.traces, d.llmCalls, d.inputTokens, d.outputTokens, d.costUSD, d.errors, JSON.stringify(d.measures)];

export async function fillTraceRows(store: CallStore, rollups: TraceRollupDelta[], total: number, start: number, spanMs: number): Promise<void> {
  if (store instanceof SqliteStore) {
    const db = store.db;
    db.prepare(`WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < ? - 1)
      INSERT INTO traces (id, started_at, received_at, session_id, name, user_id, department, feature, duration_ms, calls,
        input_tokens, output_tokens, cost_usd, errors, record)
      SELECT lower(hex(randomblob(16))), ? + (n * ?) / ?, 0, 's' || (n % 5000), 'n' || (n % 6), 'u' || (n % 3000), 'd' || (n % 8),
        'f' || (n % 12), 700 + n % 900, 3, 400, 120, 0.0005, 0,
        json_object('name', 'n' || (n % 6), 'sessionId', 's' || (n % 5000), 'steps', json('[]'), 'tags', json_object('feature', 'f' || (n % 12)))
      FROM s`).run(total, start, spanMs, total);
    const insert = db.prepare(`INSERT INTO trace_rollup (${ROLLUP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    db.transaction(() => rollups.forEach((d) => insert.run(...rollupValues(d))))();
    return;
  }
  const pool = (store as PostgresStore).pool;
  await createTracePartitionKeeper(pool).ensure(Array.from({ length: Math.ceil(spanMs / 86_400_000) + 1 }, (_, d) => start + d * 86_400_000));
  await Promise.all([0, 1].map((h) => pool.query(
    `INSERT INTO traces (id, started_at, received_at, session_id, name, user_id, department, feature, duration_ms, calls,
       input_tokens, output_tokens, cost_usd, errors, record)
     SELECT md5(n::text), $2::bigint + (n * $3::bigint) / $1::bigint, 0, 's' || (n % 5000), 'n' || (n % 6), 'u' || (n % 3000),
       'd' || (n % 8), 'f' || (n % 12), 700 + n % 900, 3, 400, 120, 0.0005, 0,
       json_build_object('name', 'n' || (n % 6), 'sessionId', 's' || (n % 5000), 'steps', '[]'::json)::text
     FROM generate_series($4::bigint, $5::bigint - 1) AS n`,
    [total, start, spanMs, (h * total) / 2, ((h + 1) * total) / 2],
  )));
  for (let i = 0; i < rollups.length; i += 1000) {
    const slice = rollups.slice(i, i + 1000);
    const cols = rollupValues(slice[0]!).map((_, c) => slice.map((d) => rollupValues(d)[c]));
    await pool.query(
      `INSERT INTO trace_rollup (${ROLLUP_COLUMNS}) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int8[], $5::int8[],
        $6::float8[], $7::float8[], $8::float8[], $9::int8[], $10::jsonb[])`,
      cols,
    );
  }
}

/** traces a store holds, from its rollups (a count of the table would read a million rows) */
export async function storedTraces(store: CallStore): Promise<number> {
  const rows = await store.traces!.rollups("all", [""], -1e9, 1e9);
  return rows.reduce((n, r) => n + r.traces, 0);
}

/** a database on the test server kept between runs (made when missing) */
export async function keptPostgresDatabase(name: string): Promise<{ url: string }> {
  const url = new URL(await testPostgresAdminUrl());
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replaceAll('"', "")}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return { url: url.toString() };
}
