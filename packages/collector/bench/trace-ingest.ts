// Ingest of agent-like requests (calls with their traces) against the same
// calls alone, over HTTP on 127.0.0.1 into `llmscope serve` as its own process,
// in one run: interleaved rounds, each a calls-only pass and a with-traces pass
// (which goes first alternates), every pass on a fresh database. Each round
// gives a ratio; the worst and the median are reported, by wall time and by the
// server process's CPU time (which other load on a shared machine inflates less).
import { readFileSync } from "node:fs";
import { startServeProcess, waitForExit } from "../e2e/helpers/run-cli.ts";
import { createTestDatabase } from "../src/testing/postgres-database.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { postBodies } from "./post-bodies.ts";
import { traceBodies } from "./trace-bodies.ts";

export interface IngestPass {
  callsPerSecond: number;
  /** the server's CPU (user + system, all threads) per 1,000 calls, ms */
  cpuMsPer1000: number;
}

export interface TraceIngestRound {
  callsOnly: IngestPass;
  withTraces: IngestPass;
  /** with-traces rate / calls-only rate */
  ratio: number;
  /** calls-only CPU / with-traces CPU (below 1: traces cost CPU) */
  cpuRatio: number;
}

export interface TraceIngestResult {
  store: "sqlite" | "postgres";
  calls: number;
  batchSize: number;
  rounds: TraceIngestRound[];
  worst: TraceIngestRound;
  median: TraceIngestRound;
  /** how much lower the rate with traces is in the median round (negative: higher) */
  drop: number;
  worstDrop: number;
}

/** CPU ms a process has used so far (its own /proc stat: user + system ticks) */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function onePass(store: "sqlite" | "postgres", bodies: string[], clients: number, measured: number): Promise<IngestPass> {
  const tmp = store === "sqlite" ? tempDbPath() : undefined;
  const pg = store === "postgres" ? await createTestDatabase("llmscope_bench") : undefined;
  const server = await startServeProcess(["--db", tmp?.path ?? pg!.url, "--write-key", "bench", "--rate", "0"]);
  try {
    const run = (list: string[]) => postBodies(server.url, list, clients);
    await run(bodies.slice(0, 20));
    const [t0, c0] = [performance.now(), processCpuMs(server.child.pid!)];
    await run(bodies.slice(20));
    const seconds = (performance.now() - t0) / 1000;
    return { callsPerSecond: measured / seconds, cpuMsPer1000: ((processCpuMs(server.child.pid!) - c0) * 1000) / measured };
  } finally {
    server.child.kill("SIGTERM");
    await waitForExit(server.child);
    tmp?.cleanup();
    await pg?.drop();
  }
}

export async function benchTraceIngest(store: "sqlite" | "postgres", calls = 50_000, batchSize = 250, clients = 4, roundCount = 5): Promise<TraceIngestResult> {
  const start = Date.UTC(2026, 1, 1);
  const plain = traceBodies(calls, batchSize, start, false);
  const traced = traceBodies(calls, batchSize, start, true);
  const measured = calls - 20 * batchSize;
  const rounds: TraceIngestRound[] = [];
  for (let r = 0; r < roundCount; r++) {
    const pass = (bodies: string[]) => onePass(store, bodies, clients, measured);
    let callsOnly: IngestPass;
    let withTraces: IngestPass;
    if (r % 2 === 0) {
      callsOnly = await pass(plain);
      withTraces = await pass(traced);
    } else {
      withTraces = await pass(traced);
      callsOnly = await pass(plain);
    }
    rounds.push({ callsOnly, withTraces, ratio: withTraces.callsPerSecond / callsOnly.callsPerSecond, cpuRatio: callsOnly.cpuMsPer1000 / withTraces.cpuMsPer1000 });
  }
  const byRatio = [...rounds].sort((a, b) => a.ratio - b.ratio);
  const worst = byRatio[0]!;
  const median = byRatio[Math.floor(byRatio.length / 2)]!;
  return { store, calls, batchSize, rounds, worst, median, drop: 1 - median.ratio, worstDrop: 1 - worst.ratio };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // trace-ingest.ts [sqlite|postgres] [calls a pass] [rounds]
  const f = (x: number) => Math.round(x).toString();
  for (const store of (process.argv[2] ? [process.argv[2]] : ["sqlite", "postgres"]) as ("sqlite" | "postgres")[]) {
    const r = await benchTraceIngest(store, Number(process.argv[3] ?? 50_000), 250, 4, Number(process.argv[4] ?? 5));
    for (const [i, x] of r.rounds.entries()) {
      process.stdout.write(`${store} round ${i + 1}: calls only ${f(x.callsOnly.callsPerSecond)} calls/s (${f(x.callsOnly.cpuMsPer1000)} ms CPU per 1,000), with traces ${f(x.withTraces.callsPerSecond)} calls/s (${f(x.withTraces.cpuMsPer1000)} ms CPU per 1,000): ×${x.ratio.toFixed(3)}, CPU ×${x.cpuRatio.toFixed(3)}\n`);
    }
    process.stdout.write(`${store}: median round ×${r.median.ratio.toFixed(3)} (${(r.drop * 100).toFixed(1)}% lower), worst ×${r.worst.ratio.toFixed(3)} (${(r.worstDrop * 100).toFixed(1)}% lower)\n`);
  }
}
