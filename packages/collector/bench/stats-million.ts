// /v1/stats by department over 1,000,000 stored calls, timed over HTTP, next to
// a raw GROUP BY over the calls table for comparison.
import { createCollector } from "../src/handler/create-collector.ts";
import { serve } from "../src/node/serve.ts";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { rebuildRollups } from "../src/store/rebuild-rollups.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";

const DAY = 86_400_000;
const DEPARTMENTS = ["support", "sales", "legal", "marketing", "ops", "finance", "hr", "research"];

export interface StatsResult {
  calls: number;
  fillSeconds: number;
  dbMiB: number;
  statsDayMs: number;
  statsMonthMs: number;
  rawGroupByMs: number;
  listByUserMs: number;
  rows: number;
}

/**
 * Generates the calls in SQL (a recursive CTE, no JS per row) with a small but
 * complete JSON record, then builds the rollups with the same folding code
 * ingest uses.
 */
function fillCalls(db: SqliteStore["db"], total: number, start: number): void {
  const departments = JSON.stringify(DEPARTMENTS);
  // ids are random like the recorder's UUIDs; MATERIALIZED so each row's id is drawn once
  db.prepare(`WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < ? - 1),
      t AS MATERIALIZED (SELECT n, lower(hex(randomblob(16))) AS id FROM s)
    INSERT INTO calls (id, started_at, received_at, session_id, user_id, department, feature, prompt_id, provider, model,
      operation, fingerprint, prompt_hash, status, error_kind, input_tokens, output_tokens, total_tokens, cost_usd,
      duration_ms, ttft_ms, feedback_score, record)
    SELECT id, ? + (n * ?) / ?, 0, 's' || (n % 5000), 'u' || (n % 3000),
      json_extract(?, '$[' || (n % 8) || ']'), 'f' || (n % 12), 'p' || (n % 40), 'openai',
      CASE WHEN n % 3 THEN 'gpt-4o-mini' ELSE 'gpt-4o' END, 'chat', 'fp' || (n % 50), 'h' || (n % 50), 200,
      CASE WHEN n % 97 = 0 THEN 'rate_limit' END, 80 + n % 400, 40, 120 + n % 400, (80 + n % 400) * 1.5e-7,
      200 + n % 3000, 100 + n % 700, NULL,
      json_object('id', id, 'sessionId', 's' || (n % 5000), 'startedAt', ? + (n * ?) / ?, 'phase', 'done',
        'provider', 'openai', 'operation', 'chat', 'url', 'https://api.openai.com/v1/chat/completions', 'method', 'POST',
        'status', 200, 'stream', json('true'), 'model', 'gpt-4o-mini', 'params', json('{}'),
        'prompt', json_object('messages', json_array(json_object('role', 'user', 'content', 'q' || (n % 1000))), 'text', 'q' || (n % 1000)),
        'completion', json_object('text', 'a'), 'usage', json_object('inputTokens', 80 + n % 400, 'outputTokens', 40, 'source', 'provider'),
        'timing', json_object('durationMs', 200 + n % 3000, 'ttftMs', 100 + n % 700),
        'tags', json_object('department', json_extract(?, '$[' || (n % 8) || ']'), 'userId', 'u' || (n % 3000)),
        'fingerprint', 'fp' || (n % 50))
    FROM t`).run(total, start, 90 * DAY, total, departments, start, 90 * DAY, total, departments);
  rebuildRollups(db);
}

async function time<T>(fn: () => Promise<T>, runs = 5): Promise<number> {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - t0) / runs;
}

export async function benchStats(total = 1_000_000, progress: (m: string) => void): Promise<StatsResult> {
  const tmp = tempDbPath();
  const store = new SqliteStore(tmp.path, { synchronous: "normal" });
  const start = Date.UTC(2026, 0, 1);
  const t0 = performance.now();
  fillCalls(store.db, total, start);
  const fillSeconds = (performance.now() - t0) / 1000;
  progress(`  stored ${await store.count()} calls in ${fillSeconds.toFixed(1)} s`);
  const collector = createCollector({ store, alerts: false, limits: { rateLimit: false } });
  const server = await serve({ handler: collector, port: 0 });
  try {
    let rows = 0;
    const get = async (path: string) => {
      const res = await fetch(server.url + path);
      const body = await res.json();
      rows = body.rows?.length ?? rows;
    };
    const statsDayMs = await time(() => get("/v1/stats?groupBy=department&period=day"));
    const statsMonthMs = await time(() => get("/v1/stats?groupBy=department&period=month"));
    const listByUserMs = await time(() => get("/v1/calls?userId=u42&limit=50"));
    const raw = store.db.prepare(
      "SELECT department, COUNT(*), SUM(input_tokens), SUM(output_tokens), SUM(cost_usd) FROM calls GROUP BY department",
    );
    const rawGroupByMs = await time(async () => raw.all(), 2);
    const dbMiB = (store.db.prepare("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()").pluck().get() as number) / 2 ** 20;
    return { calls: total, fillSeconds, dbMiB, statsDayMs, statsMonthMs, rawGroupByMs, listByUserMs, rows };
  } finally {
    await server.close();
    await store.close();
    tmp.cleanup();
  }
}
