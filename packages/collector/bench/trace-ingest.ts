// Ingest of agent-like requests (calls with their traces) against the same
// calls alone, over HTTP on 127.0.0.1 into `llmscope serve` as its own process,
// in one run: the two alternate, each on a fresh database, best of two each.
import { startServeProcess, waitForExit } from "../e2e/helpers/run-cli.ts";
import { createTestDatabase } from "../src/testing/postgres-database.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { postBodies } from "./post-bodies.ts";
import { traceBodies } from "./trace-bodies.ts";

export interface TraceIngestResult {
  store: "sqlite" | "postgres";
  calls: number;
  batchSize: number;
  callsOnlyPerSecond: number;
  withTracesPerSecond: number;
  /** traces/s in the run with traces */
  tracesPerSecond: number;
  /** how much lower the rate with traces is (negative: higher) */
  drop: number;
}

async function onePass(store: "sqlite" | "postgres", bodies: string[], clients: number): Promise<number> {
  const tmp = store === "sqlite" ? tempDbPath() : undefined;
  const pg = store === "postgres" ? await createTestDatabase("llmscope_bench") : undefined;
  const server = await startServeProcess(["--db", tmp?.path ?? pg!.url, "--write-key", "bench", "--rate", "0"]);
  try {
    const run = (list: string[]) => postBodies(server.url, list, clients);
    await run(bodies.slice(0, 20));
    const t0 = performance.now();
    await run(bodies.slice(20));
    return (performance.now() - t0) / 1000;
  } finally {
    server.child.kill("SIGTERM");
    await waitForExit(server.child);
    tmp?.cleanup();
    await pg?.drop();
  }
}

export async function benchTraceIngest(store: "sqlite" | "postgres", calls = 50_000, batchSize = 250, clients = 4): Promise<TraceIngestResult> {
  const start = Date.UTC(2026, 1, 1);
  const plain = traceBodies(calls, batchSize, start, false);
  const traced = traceBodies(calls, batchSize, start, true);
  const measured = calls - 20 * batchSize;
  let plainSeconds = Infinity;
  let tracedSeconds = Infinity;
  for (let pass = 0; pass < 2; pass++) {
    plainSeconds = Math.min(plainSeconds, await onePass(store, plain, clients));
    tracedSeconds = Math.min(tracedSeconds, await onePass(store, traced, clients));
  }
  const callsOnlyPerSecond = measured / plainSeconds;
  const withTracesPerSecond = measured / tracedSeconds;
  return {
    store, calls, batchSize, callsOnlyPerSecond, withTracesPerSecond, tracesPerSecond: withTracesPerSecond / 4,
    drop: 1 - withTracesPerSecond / callsOnlyPerSecond,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const store of (process.argv[2] ? [process.argv[2]] : ["sqlite", "postgres"]) as ("sqlite" | "postgres")[]) {
    const r = await benchTraceIngest(store);
    process.stdout.write(`${store}: calls only ${Math.round(r.callsOnlyPerSecond)} calls/s, with traces ${Math.round(r.withTracesPerSecond)} calls/s (${(r.drop * 100).toFixed(1)}% lower)\n`);
  }
}
