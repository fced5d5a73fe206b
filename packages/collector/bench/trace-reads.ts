// The trace reads at size, over HTTP on 127.0.0.1, on SQLite and PostgreSQL:
// GET /v1/traces/:id of a trace with 500 steps and 200 calls, and the time
// breakdown per feature (/v1/traces/stats) over 1,000,000 traces. The million
// traces are folded into their rollups with ingest's own folding code and
// written to the traces table beside them.
import type { Trace } from "@llmscope/core";
import { createCollector } from "../src/handler/create-collector.ts";
import { serve } from "../src/node/serve.ts";
import type { CallStore } from "../src/store/call-store.ts";
import { createPostgresStore } from "../src/store/postgres/postgres-store.ts";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { makeTrace } from "../src/testing/make-trace.ts";
import { createTestDatabase } from "../src/testing/postgres-database.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { foldTraces, mergeTraceDelta, type TraceRollupDelta } from "../src/traces/trace-rollup.ts";
import { fillTraceRows } from "./trace-fill.ts";

const DAY = 86_400_000;
const FEATURES = Array.from({ length: 12 }, (_, i) => `f${i}`);
const NAMES = ["answer-question", "search", "summarize", "triage", "plan", "draft"];

/** median and slowest of the timed runs, ms */
export interface Timing {
  median: number;
  max: number;
}

export interface TraceReadsResult {
  store: "sqlite" | "postgres";
  detail: Timing;
  detailRows: number;
  traces: number;
  fillSeconds: number;
  statsDay: Timing;
  statsHour: Timing;
  statsRows: number;
}

/** after one warm-up run; the median says what a request costs, the slowest what other load on the machine added */
async function time(fn: () => Promise<unknown>, runs = 9): Promise<Timing> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(runs / 2)]!, max: ms[runs - 1]! };
}

/** a lean trace as the recorder would send it for request n of total over 90 days */
function leanTrace(n: number, total: number, start: number): Trace {
  const jitter = (n * 2654435761) % 1000;
  const retrievalMs = 50 + (jitter % 400);
  const llmMs = 600 + jitter * 2;
  const toolMs = jitter % 3 ? 0 : 150 + (jitter % 200);
  const durationMs = retrievalMs + llmMs + toolMs + 40;
  return {
    id: n.toString(16).padStart(32, "0"), name: NAMES[n % NAMES.length]!, sessionId: `s${n % 5000}`,
    tags: { feature: FEATURES[n % FEATURES.length]!, department: `d${n % 8}`, userId: `u${n % 3000}` },
    startedAt: start + Math.floor((n * 90 * DAY) / total), durationMs, steps: [],
    summary: { calls: 2 + (n % 3), inputTokens: 400, outputTokens: 120, costUSD: 0.0004 + (n % 7) * 1e-4, errors: n % 97 ? 0 : 1,
      llmMs, retrievalMs, toolMs, preprocessMs: 10, httpMs: 0, selfMs: 30 },
  };
}

/** the rollups of `total` traces, folded in chunks and merged in memory */
function rollupsOf(total: number, start: number): TraceRollupDelta[] {
  const merged = new Map<string, TraceRollupDelta>();
  for (let from = 0; from < total; from += 10_000) {
    const chunk = Array.from({ length: Math.min(10_000, total - from) }, (_, i) => leanTrace(from + i, total, start));
    for (const d of foldTraces(chunk)) {
      const id = `${d.dim}\u0000${d.key}\u0000${d.bucket}`;
      const into = merged.get(id);
      if (into) mergeTraceDelta(into, d);
      else merged.set(id, d);
    }
  }
  return [...merged.values()];
}

export async function benchTraceReads(kind: "sqlite" | "postgres", total = 1_000_000, progress: (m: string) => void = () => {}): Promise<TraceReadsResult> {
  const tmp = kind === "sqlite" ? tempDbPath() : undefined;
  const pg = kind === "postgres" ? await createTestDatabase("llmscope_bench") : undefined;
  const store: CallStore = tmp ? new SqliteStore(tmp.path) : await createPostgresStore(pg!.url);
  const start = Date.UTC(2026, 0, 1);
  // filled before the server starts: the fill blocks the event loop for minutes
  const t0 = performance.now();
  await fillTraceRows(store, rollupsOf(total, start), total, start, 90 * DAY);
  const fillSeconds = (performance.now() - t0) / 1000;
  progress(`  ${kind}: ${total} traces and their rollups written in ${fillSeconds.toFixed(1)} s`);
  const collector = createCollector({ store, alerts: false, limits: { rateLimit: false } });
  const server = await serve({ handler: collector, port: 0, host: "127.0.0.1" });
  try {
    const big = makeTrace({ startedAt: Date.UTC(2026, 3, 1), calls: 200, steps: 500, nested: true });
    await store.ingest(big.calls, 0);
    await store.traces!.ingest([big.trace], 0);
    let detailRows = 0;
    const detail = await time(async () => {
      const res = await fetch(`${server.url}/v1/traces/${big.trace.id}`);
      detailRows = ((await res.json()) as { rows: unknown[] }).rows.length;
    });
    let statsRows = 0;
    const get = async (path: string) => {
      const res = await fetch(server.url + path);
      statsRows = ((await res.json()) as { rows: unknown[] }).rows.length;
    };
    const statsHour = await time(() => get(`/v1/traces/stats?groupBy=feature&period=hour&from=${start + 89 * DAY}`));
    const statsDay = await time(() => get("/v1/traces/stats?groupBy=feature&period=day"));
    return { store: kind, detail, detailRows, traces: total, fillSeconds, statsDay, statsHour, statsRows };
  } finally {
    await server.close();
    await store.close();
    tmp?.cleanup();
    await pg?.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total = Number(process.argv[3] ?? 1_000_000);
  for (const kind of (process.argv[2] ? [process.argv[2]] : ["sqlite", "postgres"]) as ("sqlite" | "postgres")[]) {
    const r = await benchTraceReads(kind, total, (m) => process.stderr.write(m + "\n"));
    const t = (x: Timing) => `${x.median.toFixed(1)} ms (slowest ${x.max.toFixed(1)})`;
    process.stdout.write(`${kind}: /v1/traces/:id (${r.detailRows} rows) ${t(r.detail)}; /v1/traces/stats by feature per day over ${r.traces} traces ${t(r.statsDay)}, last day per hour ${t(r.statsHour)}\n`);
  }
}
