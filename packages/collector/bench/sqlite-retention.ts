// Retention on SQLite: a month of agent-like requests (4 calls and 3 steps a
// trace) stored through ingest, then the month dropped beside the next one.
// Prints how long the drop took and the longest the event loop was held (the
// longest a serving collector could not answer). Run directly:
//   node --import tsx --conditions=@llmscope/source bench/sqlite-retention.ts [calls]
import { monitorEventLoopDelay } from "node:perf_hooks";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { makeTrace } from "../src/testing/make-trace.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";

export interface RetentionFigures {
  calls: number;
  traces: number;
  dropMs: number;
  longestHoldMs: number;
  keptCalls: number;
}

const JAN = Date.UTC(2026, 0, 1);
const FEB = Date.UTC(2026, 1, 1);
const MONTH_MS = FEB - JAN;

async function fillMonth(store: SqliteStore, start: number, calls: number): Promise<void> {
  const traces = calls / 4;
  for (let i = 0; i < traces; i += 1000) {
    const made = Array.from({ length: Math.min(1000, traces - i) }, (_, j) =>
      makeTrace({ startedAt: start + Math.floor(((i + j) * MONTH_MS) / traces), tags: { userId: `u${(i + j) % 300}`, feature: `f${(i + j) % 8}` } }));
    await store.ingest(made.flatMap((m) => m.calls), start);
    await store.traces.ingest(made.map((m) => m.trace), start);
  }
}

export async function benchSqliteRetention(calls: number): Promise<RetentionFigures> {
  const tmp = tempDbPath();
  // the checkpoint worker is unref'd: a server keeps the process alive, here a timer does
  const alive = setInterval(() => {}, 1000);
  // as `llmscope serve` opens it: WAL checkpoints in a worker, not inside commits
  const store = new SqliteStore(tmp.path, { backgroundCheckpoint: true });
  try {
    await fillMonth(store, JAN, calls);
    await fillMonth(store, FEB, Math.max(4, calls / 10));
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const t0 = performance.now();
    const result = await store.dropCallsBefore(FEB);
    const dropMs = performance.now() - t0;
    delay.disable();
    return { calls: result.calls, traces: result.traces ?? 0, dropMs, longestHoldMs: delay.max / 1e6, keptCalls: await store.count() };
  } finally {
    await store.close();
    tmp.cleanup();
    clearInterval(alive);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const calls = Number(process.argv[2] ?? 100_000);
  const f = await benchSqliteRetention(calls);
  console.log(`dropped ${f.calls.toLocaleString("en-US")} calls and ${f.traces.toLocaleString("en-US")} traces in ${(f.dropMs / 1000).toFixed(2)} s ` +
    `(${((f.dropMs * 1000) / f.calls).toFixed(1)} µs a call); longest hold of the event loop ${f.longestHoldMs.toFixed(1)} ms; ${f.keptCalls.toLocaleString("en-US")} calls kept`);
}
