// withLLMScope opens one trace per request in workerd: many requests at once,
// each trace adopting its incoming traceparent, holding its own calls and
// steps, and delivered through waitUntil with none lost.
import type { LLMCall, Trace } from "@llmscope/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixture, workerEntry, type Fixture } from "./harness/fixtures.ts";
import { startVectorizeRemote, type VectorizeRemote } from "./harness/vectorize-remote.ts";

const REQUESTS = 50;
const CALLS_PER_REQUEST = 4; // embedding, two chat calls, one Workers AI run

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
const traceIdOf = (i: number) => `4bf92f3577b34da6${hex(i + 1, 16)}`;
const spanIdOf = (i: number) => `00f067aa${hex(i + 1, 8)}`;

describe("withLLMScope in workerd: one trace per request", () => {
  let f: Fixture;
  let vectorize: VectorizeRemote;
  beforeAll(async () => {
    // the fixture starts the mock; the Vectorize endpoint answers from a mock of its own
    const { startMockLLM } = await import("@llmscope/mock-llm/node");
    const index = await startMockLLM({ firstChunkDelayMs: 3 });
    vectorize = await startVectorizeRemote(index.url);
    const close = vectorize.close;
    vectorize = { ...vectorize, close: async () => (await close(), await index.close()) };
    f = await startFixture({ entry: workerEntry("trace-worker.ts"), vectorize: { VECTORIZE: { index_name: "docs", remoteProxyConnectionString: vectorize.url } } });
  });
  afterAll(async () => {
    await f?.close();
    await vectorize?.close();
  });

  it(`${REQUESTS} concurrent requests: ${REQUESTS} traces, each with its own calls and steps, traceparent adopted, none lost`, async () => {
    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        const headers = { traceparent: `00-${traceIdOf(i)}-${spanIdOf(i)}-01`, "x-user-id": `user-${i}` };
        const response = await f.worker.fetch("/ask", { method: "POST", headers, body: JSON.stringify({ question: `What is the weather in Oslo for user ${i}?` }) });
        return { status: response.status, body: (await response.json()) as { answer: string; documents: number } };
      }),
    );
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body.answer).toContain("The tool returned");
      expect(body.documents).toBe(3);
    }

    const traces = await f.collector.waitForTraces(REQUESTS);
    const calls = await f.collector.waitForCalls(REQUESTS * CALLS_PER_REQUEST);
    expect(traces).toHaveLength(REQUESTS);
    expect(calls).toHaveLength(REQUESTS * CALLS_PER_REQUEST);
    expect(vectorize.operations).toHaveLength(REQUESTS);

    const callsByTrace = new Map<string, LLMCall[]>();
    for (const call of calls) callsByTrace.set(call.traceId!, [...(callsByTrace.get(call.traceId!) ?? []), call]);
    for (let i = 0; i < REQUESTS; i++) {
      const trace = traces.find((t) => t.id === traceIdOf(i)) as Trace;
      expect(trace, `trace of request ${i}`).toBeDefined();
      expect(trace).toMatchObject({ name: "POST /ask", parentSpanId: spanIdOf(i), tags: { userId: `user-${i}` } });
      const own = callsByTrace.get(trace.id) ?? [];
      // the user named in each prompt is the trace's own: no call crossed into another request's trace
      expect(own.map((c) => c.tags.userId)).toEqual(Array(CALLS_PER_REQUEST).fill(`user-${i}`));
      expect(new Set(trace.callIds)).toEqual(new Set(own.map((c) => c.id)));
      expect(own.map((c) => c.provider).sort()).toEqual(["openai", "openai", "openai", "workers-ai"]);
      const kinds = trace.steps.map((s) => s.kind).sort();
      expect(kinds).toEqual(["preprocess", "retrieval", "tool"]);
      const retrieval = trace.steps.find((s) => s.kind === "retrieval")!;
      expect(retrieval).toMatchObject({ name: "vectorize VECTORIZE query", attributes: { "db.system": "vectorize", "db.query.top_k": 3, "db.response.returned_rows": 3 } });
      expect(trace.steps.find((s) => s.kind === "tool")!.attributes).toMatchObject({ "gen_ai.tool.name": "get_weather" });
      expect(trace.summary).toMatchObject({ calls: CALLS_PER_REQUEST, errors: 0 });
      expect(trace.summary!.retrievalMs).toBeGreaterThan(0);
      expect(trace.summary!.llmMs).toBeGreaterThan(0);
    }
    const stats = await (await f.worker.fetch("/stats")).json();
    expect(stats).toMatchObject({ dropped: 0, sinkErrors: 0, internalErrors: 0, tracesDropped: 0, tracesAbandoned: 0, worker: { deliveryTimeouts: 0, deliveryErrors: 0 } });
    expect(f.worker.stderr).not.toMatch(/different request|Cannot perform I\/O|Uncaught/);
  });
});
