// Persistence benchmark: the IndexedDB sink in Chromium (writing 10,000 calls
// and the longest main-thread task meanwhile; a user + time-range query over
// 100,000 stored calls) and the beacon queue's memory with its endpoint down.
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { startBrowserFixture } from "../e2e/browser/harness.ts";
import { currentIndexes } from "../src/indexeddb/schema.ts";
import { makeCall, recordingContext } from "../src/indexeddb/test-calls.ts";
import { beaconSink } from "../src/sinks/beacon-sink.ts";

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const MiB = (n: number) => `${(n / 2 ** 20).toFixed(2)} MiB`;
const longest = (run: { longest: number; longTasks: number }) => (run.longTasks ? `${ms(run.longest)} (${run.longTasks} tasks over 50 ms)` : "none over 50 ms");

/** runs in the page: one burst of 10,000 writes, timed until stored, with long tasks observed; recorded: calls as the recorder keeps them (raw bodies, ~9 KB) */
async function persistTenThousand(recorded: boolean) {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: "longtask", buffered: false });
  const sink = window.fx.indexedDBSink({ dbName: recorded ? "bench-10k-recorded" : "bench-10k" });
  await sink.storage();
  const calls = Array.from({ length: 10_000 }, (_, i) => (recorded ? window.fx.makeRecordedCall(i) : window.fx.makeCall(i)));
  const start = performance.now();
  for (const call of calls) sink.write(call);
  const writeTask = performance.now() - start;
  await sink.flush();
  const elapsed = performance.now() - start;
  // long tasks are reported after they end
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  return { elapsed, writeTask, longest: Math.max(0, ...longTasks), longTasks: longTasks.length, stored: await sink.count() };
}

/** runs in the page: the same 10,000 rows put straight into IndexedDB (the sink's indexes, 50 per transaction): the floor the sink stands on */
async function persistRawFloor(indexes: [string, string | string[]][]) {
  const db = await new Promise<IDBDatabase>((resolve) => {
    const r = indexedDB.open("bench-raw", 1);
    r.onupgradeneeded = () => {
      const store = r.result.createObjectStore("calls", { keyPath: "id" });
      for (const [name, keyPath] of indexes) store.createIndex(name, keyPath);
    };
    r.onsuccess = () => resolve(r.result);
  });
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const call = window.fx.makeCall(i);
    return { ...call, _userId: call.tags.userId };
  });
  const start = performance.now();
  for (let k = 0; k < rows.length; k += 50) {
    const tx = db.transaction("calls", "readwrite", { durability: "relaxed" });
    for (const row of rows.slice(k, k + 50)) tx.objectStore("calls").put(row);
    await new Promise((r) => (tx.oncomplete = r));
  }
  const elapsed = performance.now() - start;
  db.close();
  return elapsed;
}

/** runs in the page: fill 100,000 calls, then time user + time-range queries */
async function queryHundredThousand() {
  const { fx } = window;
  const sink = fx.indexedDBSink({ dbName: "bench-100k", batchSize: 1000, maxCalls: 200_000 });
  for (let i = 0; i < 100_000; i++) {
    sink.write(fx.makeCall(i));
    if (i % 1000 == 999) await sink.flush();
  }
  const stored = await sink.count();
  const times: number[] = [];
  let returned = 0;
  for (let q = 0; q < 21; q++) {
    const from = fx.T0 + (q * 4000 + 1000) * 1000;
    const start = performance.now();
    const page = await sink.queryCalls({ userId: `user-${q % 10}`, from, to: from + 300_000, limit: 50 });
    times.push(performance.now() - start);
    returned += page.calls.length;
  }
  times.sort((a, b) => a - b);
  return { stored, median: times[10]!, max: times[20]!, perQuery: returned / 21 };
}

async function beaconQueueMemory() {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const down = (async () => {
    throw new TypeError("fetch failed: connection refused");
  }) as typeof fetch;
  const ctx = recordingContext(down);
  const sink = beaconSink({ url: "http://127.0.0.1:9/v1/calls", flushIntervalMs: 3_600_000 });
  sink.attach!(ctx);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 100_000; i++) sink.write(makeCall(i));
  gc();
  const heap = process.memoryUsage().heapUsed - before;
  return { ...sink.queued(), heap, dropped: ctx.drops["beacon-queue-full"] ?? 0 };
}

export async function benchPersistence(): Promise<string> {
  const browser = await startBrowserFixture();
  try {
    const page = await browser.open();
    const write = await page.evaluate(persistTenThousand, false);
    const recorded = await page.evaluate(persistTenThousand, true);
    const floor = await page.evaluate(persistRawFloor, [...currentIndexes()]);
    const query = await page.evaluate(queryHundredThousand);
    const queue = await beaconQueueMemory();
    return `### Persistence (Chromium)

| measurement | result | goal |
|---|---|---|
| persist 10,000 calls (one burst of writes → all stored) | ${ms(write.elapsed)} (the burst of writes itself: ${ms(write.writeTask)}) | ≤ 1 s |
| the same 10,000 rows put with raw IndexedDB calls, 50 per transaction, no sink | ${ms(floor)} (the sink takes ${(write.elapsed / floor).toFixed(2)}× that) | — |
| longest main-thread task meanwhile (PerformanceObserver longtask) | ${longest(write)} | no task > 50 ms |
| persist 10,000 calls as recorded by default (UUID ids, raw request and response bodies, ~9 KB each) | ${ms(recorded.elapsed)}; longest task: ${longest(recorded)} | — |
| query by user + 5-minute range over ${query.stored.toLocaleString("en")} stored calls (median of 21; ${query.perQuery} calls returned each) | ${ms(query.median)} median, ${ms(query.max)} slowest | ≤ 50 ms |
| beacon queue, endpoint down, 100,000 calls written (Node; defaults 1,000 calls / 4 MiB) | ${queue.calls} calls, ${MiB(queue.bytes)} serialized, heap change ${queue.heap < 0 ? "" : "+"}${MiB(queue.heap)}; ${queue.dropped.toLocaleString("en")} dropped and counted | bounded |

${write.stored.toLocaleString("en")} calls were stored in the first run.`;
  } finally {
    await browser.close();
  }
}

if (import.meta.url == pathToFileURL(process.argv[1] ?? "").href) console.log(await benchPersistence());
