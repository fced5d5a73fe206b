// /v1/stats by department over 1,000,000 calls stored in PostgreSQL, timed over
// HTTP, next to a raw GROUP BY over the calls table (as stats-million.ts does
// for SQLite). The calls are generated in SQL (generate_series, no JS per row).
import { createCollector } from "../src/handler/create-collector.ts";
import { serve } from "../src/node/serve.ts";
import { createPostgresStore } from "../src/store/postgres/postgres-store.ts";
import { createPartitionKeeper } from "../src/store/postgres/partitions.ts";
import { rebuildPgRollups } from "../src/store/postgres/pg-rebuild-rollups.ts";
import { createTestDatabase } from "../src/testing/postgres-database.ts";
import type { StatsResult } from "./stats-million.ts";

const DAY = 86_400_000;
const DEPARTMENTS = ["support", "sales", "legal", "marketing", "ops", "finance", "hr", "research"];

const FILL = `
  INSERT INTO calls (id, started_at, received_at, session_id, user_id, department, feature, prompt_id, provider, model,
    operation, fingerprint, prompt_hash, status, error_kind, input_tokens, output_tokens, total_tokens, cost_usd,
    duration_ms, ttft_ms, feedback_score, record)
  SELECT id, t, 0, 's' || (n % 5000), 'u' || (n % 3000), ($4::text[])[n % 8 + 1], 'f' || (n % 12), 'p' || (n % 40), 'openai',
    CASE WHEN n % 3 <> 0 THEN 'gpt-4o-mini' ELSE 'gpt-4o' END, 'chat', 'fp' || (n % 50), 'h' || (n % 50), 200,
    CASE WHEN n % 97 = 0 THEN 'rate_limit' END, 80 + n % 400, 40, 120 + n % 400, (80 + n % 400) * 1.5e-7,
    200 + n % 3000, 100 + n % 700, NULL,
    json_build_object('id', id, 'sessionId', 's' || (n % 5000), 'startedAt', t, 'phase', 'done',
      'provider', 'openai', 'operation', 'chat', 'url', 'https://api.openai.com/v1/chat/completions', 'method', 'POST',
      'status', 200, 'stream', true, 'model', 'gpt-4o-mini', 'params', '{}'::json,
      'prompt', json_build_object('messages', json_build_array(json_build_object('role', 'user', 'content', 'q' || (n % 1000))), 'text', 'q' || (n % 1000)),
      'completion', json_build_object('text', 'a'), 'usage', json_build_object('inputTokens', 80 + n % 400, 'outputTokens', 40, 'source', 'provider'),
      'timing', json_build_object('durationMs', 200 + n % 3000, 'ttftMs', 100 + n % 700),
      'tags', json_build_object('department', ($4::text[])[n % 8 + 1], 'userId', 'u' || (n % 3000)),
      'fingerprint', 'fp' || (n % 50))::text
  FROM (SELECT n, gen_random_uuid()::text AS id, $2::bigint + (n::bigint * $3::bigint) / $1::bigint AS t
        FROM generate_series($5::bigint, $6::bigint - 1) AS n) AS g`;

async function time(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - t0) / runs;
}

export async function benchPostgresStats(total = 1_000_000, progress: (m: string) => void = () => {}): Promise<StatsResult> {
  const db = await createTestDatabase("llmscope_bench");
  const store = await createPostgresStore(db.url);
  const start = Date.UTC(2026, 0, 1);
  try {
    const t0 = performance.now();
    await createPartitionKeeper(store.pool).ensure(Array.from({ length: 90 }, (_, d) => start + d * DAY));
    // two halves on two connections: the server has two cores and the generation is CPU-bound
    await Promise.all([0, 1].map((h) => store.pool.query(FILL, [total, start, 90 * DAY, DEPARTMENTS, (h * total) / 2, ((h + 1) * total) / 2])));
    await store.pool.query("INSERT INTO call_ids (id, started_at) SELECT id, started_at FROM calls");
    await store.pool.query("ANALYZE");
    progress(`  generated ${total} calls in ${((performance.now() - t0) / 1000).toFixed(1)} s; rebuilding rollups…`);
    await rebuildPgRollups(store.pool);
    const fillSeconds = (performance.now() - t0) / 1000;
    progress(`  stored ${await store.count()} calls in ${fillSeconds.toFixed(1)} s`);
    const collector = createCollector({ store, alerts: false, limits: { rateLimit: false } });
    const server = await serve({ handler: collector, port: 0, host: "127.0.0.1" });
    try {
      let rows = 0;
      const get = async (path: string) => {
        const body = await (await fetch(server.url + path)).json();
        rows = body.rows?.length ?? rows;
      };
      const statsDayMs = await time(() => get("/v1/stats?groupBy=department&period=day"));
      const statsMonthMs = await time(() => get("/v1/stats?groupBy=department&period=month"));
      const listByUserMs = await time(() => get("/v1/calls?userId=u42&limit=50"));
      const rawGroupByMs = await time(() =>
        store.pool.query("SELECT department, COUNT(*), SUM(input_tokens), SUM(output_tokens), SUM(cost_usd) FROM calls GROUP BY department"), 2);
      const { rows: size } = await store.pool.query<{ bytes: number }>("SELECT pg_database_size(current_database()) AS bytes");
      return { calls: total, fillSeconds, dbMiB: size[0]!.bytes / 2 ** 20, statsDayMs, statsMonthMs, rawGroupByMs, listByUserMs, rows };
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
    await db.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchPostgresStats(Number(process.argv[2] ?? 1_000_000), (m) => process.stderr.write(m + "\n"));
  process.stdout.write(JSON.stringify(r, null, 2) + "\n");
}
