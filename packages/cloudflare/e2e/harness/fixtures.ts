// What most e2e tests need: the mock LLM, a collector endpoint and a Worker
// bundled from an entry file, all on 127.0.0.1, torn down together.
import { fileURLToPath } from "node:url";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { bundleWorker } from "./bundle-worker.ts";
import { startCollectorReceiver, type CollectorReceiver } from "./collector-receiver.ts";
import { startWorker, type StartWorkerOptions, type WorkerUnderTest } from "./start-worker.ts";

export const workerEntry = (name: string): string => fileURLToPath(new URL(`../workers/${name}`, import.meta.url));

export interface Fixture {
  mock: MockLLMServer;
  collector: CollectorReceiver;
  worker: WorkerUnderTest;
  close(): Promise<void>;
}

export interface FixtureOptions extends Omit<StartWorkerOptions, "script"> {
  entry: string;
  /** bindings added to LLM_URL and COLLECTOR_URL */
  vars?: Record<string, string>;
  /** bindings that need the mock's or the collector's base URL under other names */
  varsFor?: (urls: { llm: string; collector: string }) => Record<string, string>;
}

export async function startFixture(options: FixtureOptions): Promise<Fixture> {
  const [script, mock, collector] = await Promise.all([bundleWorker(options.entry), startMockLLM({ firstChunkDelayMs: 5, chunkDelayMs: 2 }), startCollectorReceiver()]);
  let worker: WorkerUnderTest;
  try {
    worker = await startWorker({
      ...options,
      script,
      bindings: {
        LLM_URL: mock.url,
        COLLECTOR_URL: collector.url,
        ...options.vars,
        ...options.varsFor?.({ llm: mock.url, collector: collector.url }),
        ...options.bindings,
      },
    });
  } catch (err) {
    await Promise.all([mock.close(), collector.close()]);
    throw err;
  }
  return {
    mock,
    collector,
    worker,
    close: async () => {
      await worker.dispose();
      await Promise.all([mock.close(), collector.close()]);
    },
  };
}

/** an OpenAI chat request body */
export function chatBody(content: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content }], ...extra });
}
