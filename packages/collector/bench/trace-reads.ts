// The trace reads at size, over HTTP on 127.0.0.1, on SQLite and PostgreSQL:
// GET /v1/traces/:id of a trace with 500 steps and 200 calls, and the time
// breakdown per feature (/v1/traces/stats) over 1,000,000 traces. The million
// traces are folded into their rollups with ingest's own folding code and
// written to the traces table beside them.
//
// A million-trace fill takes minutes: `keep` (a file for SQLite, a database
// name for PostgreSQL) keeps the filled store for the next run, which reads it
// as it is; without it the store is made for the run and removed after.
import type { CallStore } from "../src/store/call-store.ts";
import { createPostgresStore } from "../src/store/postgres/postgres-store.ts";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { makeTrace } from "../src/testing/make-trace.ts";
import { createTestDatabase } from "../src/testing/postgres-database.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { fillTraceRows, keptPostgresDatabase, storedTraces } from "./trace-fill.ts";
import { leanRollups } from "./trace-lean.ts";
import { serveForReads, timeRequests, type Timing } from "./trace-read-timing.ts";

export type { Timing } from "./trace-read-timing.ts";

const DAY = 86_400_000;
const BIG_TRACE_ID = "b16b16b16b16b16b16b16b16b16b16b1";

export interface TraceReadsResult {
  store: "sqlite" | "postgres";
  detail: Timing;
  detailRows: number;
  traces: number;
  /** seconds the fill took; undefined when a kept store was read as it was */
  fillSeconds: number | undefined;
  statsDay: Timing;
  statsHour: Timing;
  statsRows: number;
}

async function openBenchStore(kind: "sqlite" | "postgres", keep: string | undefined) {
  if (kind === "sqlite") {
    const tmp = keep ? undefined : tempDbPath();
    const path = keep ?? tmp!.path;
    return { store: new SqliteStore(path) as CallStore, remove: async () => tmp?.cleanup() };
  }
  const db = keep ? { ...(await keptPostgresDatabase(keep)), drop: async () => {} } : await createTestDatabase("llmscope_bench");
  return { store: (await createPostgresStore(db.url)) as CallStore, remove: () => db.drop() };
}

export async function benchTraceReads(kind: "sqlite" | "postgres", total = 1_000_000, progress: (m: string) => void = () => {}, keep?: string): Promise<TraceReadsResult> {
  const { store, remove } = await openBenchStore(kind, keep);
  const start = Date.UTC(2026, 0, 1);
  let fillSeconds: number | undefined;
  try {
    // filled before the server starts: the fill blocks the event loop for minutes
    if ((await storedTraces(store)) < total) {
      const t0 = performance.now();
      await fillTraceRows(store, leanRollups(total, start), total, start, 90 * DAY);
      fillSeconds = (performance.now() - t0) / 1000;
      progress(`  ${kind}: ${total} traces and their rollups written in ${fillSeconds.toFixed(1)} s`);
    }
    if (!(await store.traces!.getTrace(BIG_TRACE_ID))?.trace) {
      const big = makeTrace({ id: BIG_TRACE_ID, startedAt: Date.UTC(2026, 3, 1), calls: 200, steps: 500, nested: true });
      await store.ingest(big.calls, 0);
      await store.traces!.ingest([big.trace], 0);
    }
    const server = await serveForReads(store);
    try {
      let detailRows = 0;
      const detail = await timeRequests(server.url, `/v1/traces/${BIG_TRACE_ID}`, (body) => (detailRows = (body as { rows: unknown[] }).rows.length));
      let statsRows = 0;
      const countRows = (body: unknown) => (statsRows = (body as { rows: unknown[] }).rows.length);
      const statsHour = await timeRequests(server.url, `/v1/traces/stats?groupBy=feature&period=hour&from=${start + 89 * DAY}`, countRows);
      const statsDay = await timeRequests(server.url, "/v1/traces/stats?groupBy=feature&period=day", countRows);
      return { store: kind, detail, detailRows, traces: await storedTraces(store), fillSeconds, statsDay, statsHour, statsRows };
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
    await remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // trace-reads.ts [sqlite|postgres] [traces] [keep: a SQLite file or a PostgreSQL database name]
  const total = Number(process.argv[3] ?? 1_000_000);
  for (const kind of (process.argv[2] ? [process.argv[2]] : ["sqlite", "postgres"]) as ("sqlite" | "postgres")[]) {
    const r = await benchTraceReads(kind, total, (m) => process.stderr.write(m + "\n"), process.argv[4]);
    const t = (x: Timing) => `median ${x.median.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms, CPU ${x.cpuMs.toFixed(1)} ms`;
    process.stdout.write(`${kind}, ${r.traces} traces: /v1/traces/:id (${r.detailRows} rows) ${t(r.detail)}; stats by feature per day ${t(r.statsDay)}; last day per hour ${t(r.statsHour)}\n`);
  }
}
