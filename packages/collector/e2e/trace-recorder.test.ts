// The real recorder's traces through beaconSink into a real collector over
// 127.0.0.1: what the app did for one request comes back as one trace, its
// waterfall, its rollups and its conversation.
import { afterEach, describe, expect, it } from "vitest";
import { beaconSink, createRecorder } from "@llmscope/core";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { startTestServer, WRITE_KEY, type TestServer } from "../src/testing/test-server.ts";
import type { SessionDetail, TraceDetail, TracePage, TraceStatsAnswer } from "../src/traces/api-types.ts";

let mock: MockLLMServer;
let s: TestServer;
afterEach(async () => {
  await s.close();
  await mock.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const APP_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const APP_SPAN = "00f067aa0ba902b7";

describe("recorder traces → collector", () => {
  it("stores a request's trace with its steps and calls, and answers the trace, stats and session reads", async () => {
    mock = await startMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
    s = await startTestServer();
    const recorder = createRecorder({
      sinks: [beaconSink({ url: `${s.url}/v1/calls`, writeKey: WRITE_KEY, flushIntervalMs: 60_000 })],
      tags: { department: "support", feature: "search" }, estimateTokens: false,
    });
    const f = recorder.wrap(fetch);
    const ask = (content: string, stream: boolean) =>
      f(`${mock.url}/v1/chat/completions`, {
        method: "POST", headers: { "content-type": "application/json", authorization: "Bearer sk-test" },
        body: JSON.stringify({ model: "gpt-4o-mini", stream, ...(stream ? { stream_options: { include_usage: true } } : {}), messages: [{ role: "user", content }] }),
      }).then((r) => r.text());
    await recorder.trace("answer-question", async () => {
      await recorder.step("vector-search", () => sleep(30), { kind: "retrieval", attributes: { topK: 3 } });
      await ask("What is the weather in Oslo?", true);
      await recorder.step("get_weather", () => sleep(15), { kind: "tool", attributes: { city: "Oslo" } });
      await ask("Answer in one line", false);
    }, { tags: { userId: "u9" }, traceparent: `00-${APP_TRACE}-${APP_SPAN}-01` });
    await recorder.flush();

    const list = (await (await s.get("/v1/traces?userId=u9")).json()) as TracePage;
    expect(list.traces).toHaveLength(1);
    const [item] = list.traces;
    expect(item).toMatchObject({ id: APP_TRACE, parentSpanId: APP_SPAN, name: "answer-question", steps: 2, calls: 2, feature: "search", errors: 0 });
    expect(item!.summary!.retrievalMs).toBeGreaterThanOrEqual(25);
    expect(item!.summary!.toolMs).toBeGreaterThanOrEqual(10);

    const detail = (await (await s.get(`/v1/traces/${APP_TRACE}`)).json()) as TraceDetail;
    expect(detail.rows.map((r) => `${r.type}:${r.kind}`)).toEqual(["step:retrieval", "call:llm", "step:tool", "call:llm"]);
    expect(detail.rows.map((r) => r.name)).toEqual(["vector-search", "chat gpt-4o-mini", "get_weather", "chat gpt-4o-mini"]);
    expect(detail.calls.every((c) => c.traceId === APP_TRACE && c.tags.userId === "u9")).toBe(true);
    expect(detail.rows[1]!.inputTokens).toBeGreaterThan(0);

    const stats = (await (await s.get("/v1/traces/stats?groupBy=name&period=all")).json()) as TraceStatsAnswer;
    expect(stats.rows).toEqual([expect.objectContaining({ key: "answer-question", traces: 1, llmCallsPerTrace: 2 })]);
    expect(stats.rows[0]!.p50.retrievalMs).toBeGreaterThanOrEqual(25);

    const session = (await (await s.get(`/v1/sessions/${item!.sessionId}`)).json()) as SessionDetail;
    expect(session.turns).toEqual([expect.objectContaining({ traceId: APP_TRACE, userMessage: "What is the weather in Oslo?" })]);
    expect(recorder.stats().dropped).toBe(0);
  });
});
