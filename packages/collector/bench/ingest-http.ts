// Ingest throughput over HTTP on 127.0.0.1: `llmscope serve` as its own process
// (alerts on, rate limit off), several concurrent clients posting pre-built batches.
import { callId } from "@llmscope/core";
import { makeCall } from "../src/testing/make-call.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { startServeProcess, waitForExit } from "../e2e/helpers/run-cli.ts";
import { postBodies } from "./post-bodies.ts";

export interface IngestResult {
  synchronous: string;
  calls: number;
  batchSize: number;
  clients: number;
  seconds: number;
  callsPerSecond: number;
  bodyKiB: number;
}

const USERS = 200;
const DEPARTMENTS = ["support", "sales", "legal", "marketing", "ops"];

export function bodies(count: number, batchSize: number, startAt: number): string[] {
  const out: string[] = [];
  for (let b = 0; b < count / batchSize; b++) {
    const calls = Array.from({ length: batchSize }, (_, i) => {
      const n = b * batchSize + i;
      return makeCall({
        // ids as the recorder makes them: time-ordered UUIDv7
        id: callId(startAt + n * 10),
        startedAt: startAt + n * 10,
        tags: { userId: `u${n % USERS}`, department: DEPARTMENTS[n % DEPARTMENTS.length]!, feature: "chat", promptId: `p${n % 20}` },
        inputTokens: 100 + (n % 50),
      });
    });
    out.push(JSON.stringify({ v: 1, sentAt: Date.now(), calls }));
  }
  return out;
}

/** serveArgs: extra `llmscope serve` flags, e.g. ["--no-quality"] */
export async function benchIngest(synchronous: "full" | "normal", calls = 100_000, batchSize = 250, clients = 4, serveArgs: string[] = []): Promise<IngestResult> {
  const tmp = tempDbPath();
  const server = await startServeProcess(["--db", tmp.path, "--write-key", "bench", "--rate", "0", "--synchronous", synchronous, ...serveArgs]);
  try {
    const run = (list: string[]) => postBodies(server.url, list, clients);
    await run(bodies(10_000, batchSize, Date.UTC(2026, 0, 1)));
    // best of two passes (fresh ids each time): other load on a shared machine only ever slows a pass down
    let seconds = Infinity;
    let list: string[] = [];
    for (const month of [1, 2]) {
      list = bodies(calls, batchSize, Date.UTC(2026, month, 1));
      const t0 = performance.now();
      await run(list);
      seconds = Math.min(seconds, (performance.now() - t0) / 1000);
    }
    return { synchronous, calls, batchSize, clients, seconds, callsPerSecond: calls / seconds, bodyKiB: list[0]!.length / 1024 };
  } finally {
    server.child.kill("SIGTERM");
    await waitForExit(server.child);
    tmp.cleanup();
  }
}
