// Ingest throughput over HTTP on PostgreSQL: one or two `llmscope serve`
// processes sharing one database (as behind a load balancer), the same
// clients and batches as the SQLite rows (ingest-http.ts).
import { bodies } from "./ingest-http.ts";
import { createTestDatabase } from "../src/testing/postgres-database.ts";
import { startServeProcess, waitForExit } from "../e2e/helpers/run-cli.ts";

export interface PostgresIngestResult {
  processes: number;
  calls: number;
  batchSize: number;
  clients: number;
  seconds: number;
  callsPerSecond: number;
}

export async function benchPostgresIngest(processes: 1 | 2, calls = 100_000, batchSize = 250, clients = 4): Promise<PostgresIngestResult> {
  const db = await createTestDatabase("llmscope_bench");
  const args = ["--db", db.url, "--write-key", "bench", "--rate", "0"];
  const servers = await Promise.all(Array.from({ length: processes }, () => startServeProcess(args)));
  try {
    const post = async (url: string, body: string) => {
      const res = await fetch(`${url}/v1/calls`, { method: "POST", headers: { authorization: "Bearer bench" }, body });
      if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    };
    const run = async (list: string[]) => {
      let next = 0;
      // client i always talks to process i mod N, as a load balancer spreads connections
      await Promise.all(Array.from({ length: clients }, async (_, i) => {
        while (next < list.length) await post(servers[i % processes]!.url, list[next++]!);
      }));
    };
    await run(bodies(10_000, batchSize, Date.UTC(2026, 0, 1)));
    // best of two passes (fresh ids each time): other load on a shared machine only ever slows a pass down
    let seconds = Infinity;
    for (const month of [1, 2]) {
      const list = bodies(calls, batchSize, Date.UTC(2026, month, 1));
      const t0 = performance.now();
      await run(list);
      seconds = Math.min(seconds, (performance.now() - t0) / 1000);
    }
    return { processes, calls, batchSize, clients, seconds, callsPerSecond: calls / seconds };
  } finally {
    for (const s of servers) s.child.kill("SIGTERM");
    await Promise.all(servers.map((s) => waitForExit(s.child)));
    await db.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const n of [1, 2] as const) {
    const r = await benchPostgresIngest(n);
    process.stdout.write(`${n} process(es): ${Math.round(r.callsPerSecond)} calls/s (${r.seconds.toFixed(2)} s)\n`);
  }
}
