// Wall time per request in Miniflare, with and without withLLMScope: the two
// Workers run side by side and take turns, so drift on the machine hits both.
import { startMockLLM } from "@llmscope/mock-llm/node";
import { bundleWorker } from "../e2e/harness/bundle-worker.ts";
import { startCollectorReceiver } from "../e2e/harness/collector-receiver.ts";
import { startWorker, type WorkerUnderTest } from "../e2e/harness/start-worker.ts";

export interface WallTime {
  requests: number;
  bareMedianMs: number;
  wrappedMedianMs: number;
  bareP95Ms: number;
  wrappedP95Ms: number;
  delivered: number;
}

const BODY = JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Say hi" }] });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

async function timed(worker: WorkerUnderTest, user: string): Promise<number> {
  const t0 = performance.now();
  const response = await worker.fetch("/", { method: "POST", body: BODY, headers: { "x-user-id": user } });
  await response.arrayBuffer();
  return performance.now() - t0;
}

export async function measureWallTime(bareEntry: string, wrappedEntry: string, requests: number, warmup: number): Promise<WallTime> {
  // no artificial model latency: the overhead is what is measured
  const mock = await startMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
  const collector = await startCollectorReceiver();
  const bindings = { LLM_URL: mock.url, COLLECTOR_URL: collector.url };
  const bare = await startWorker({ script: await bundleWorker(bareEntry), bindings });
  const wrapped = await startWorker({ script: await bundleWorker(wrappedEntry), bindings });
  try {
    const bareTimes: number[] = [];
    const wrappedTimes: number[] = [];
    for (let i = 0; i < warmup + requests; i++) {
      const first = i % 2 === 0;
      const a = await timed(first ? bare : wrapped, `u${i}`);
      const b = await timed(first ? wrapped : bare, `u${i}`);
      if (i < warmup) continue;
      bareTimes.push(first ? a : b);
      wrappedTimes.push(first ? b : a);
    }
    await collector.waitForCalls(warmup + requests, 30_000);
    bareTimes.sort((x, y) => x - y);
    wrappedTimes.sort((x, y) => x - y);
    return {
      requests,
      bareMedianMs: percentile(bareTimes, 0.5),
      wrappedMedianMs: percentile(wrappedTimes, 0.5),
      bareP95Ms: percentile(bareTimes, 0.95),
      wrappedP95Ms: percentile(wrappedTimes, 0.95),
      delivered: collector.calls.length,
    };
  } finally {
    await Promise.all([bare.dispose(), wrapped.dispose()]);
    await Promise.all([mock.close(), collector.close()]);
  }
}
