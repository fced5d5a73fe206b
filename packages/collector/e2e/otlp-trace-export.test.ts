// A recorded trace exported over OTLP/HTTP to a real receiver on 127.0.0.1:
// one tree of spans by the GenAI conventions, under the app's span.
import { afterEach, describe, expect, it } from "vitest";
import { createOtlpForwarder } from "../src/otlp/otlp-forwarder.ts";
import { attributesOf, startOtlpReceiver, type OtlpReceiver } from "../src/testing/otlp-receiver.ts";
import { startTestServer, type TestServer } from "../src/testing/test-server.ts";
import { makeTrace } from "../src/testing/make-trace.ts";

let receiver: OtlpReceiver;
let s: TestServer;
afterEach(async () => {
  await s.close();
  await receiver.close();
});

const T = Date.UTC(2026, 2, 4, 14, 2);
const APP_SPAN = "00f067aa0ba902b7";

describe("OTLP/HTTP export of traces", () => {
  it("sends a trace as invoke_workflow, invoke_agent, execute_tool, retrieval and chat spans in one tree under the app's span", async () => {
    receiver = await startOtlpReceiver();
    const otlp = createOtlpForwarder({ endpoint: receiver.url, flushIntervalMs: 50 });
    // quality scoring on: calls wait for their scores, traces go straight through
    s = await startTestServer({ otlp, quality: {} });
    const { trace, calls } = makeTrace({ startedAt: T, nested: true, parentSpanId: APP_SPAN, tags: { userId: "ann", feature: "search" } });
    trace.steps[2]!.attributes = { toolCallId: "call_1", city: "Oslo" };
    trace.steps[3]!.error = { kind: "timeout", message: "tool timed out" };
    // calls first, their trace in a later batch; then the whole batch again (a retry exports nothing twice)
    await s.post("/v1/calls", { v: 1, sentAt: T, calls });
    await s.post("/v1/calls", { v: 1, sentAt: T, calls: [], traces: [trace] });
    await s.post("/v1/calls", { v: 1, sentAt: T, calls, traces: [trace] });
    await s.collector.flush();

    const spans = receiver.spans();
    expect(spans).toHaveLength(1 + trace.steps.length + calls.length);
    expect(new Set(spans.map((x) => x.traceId))).toEqual(new Set([trace.id]));
    const byName = (name: string) => spans.filter((x) => x.name === name);
    const [root] = byName("invoke_workflow answer-question");
    expect(root!.parentSpanId).toBe(APP_SPAN);
    expect(root!.kind).toBe(1); // INTERNAL
    expect(BigInt(root!.endTimeUnixNano) - BigInt(root!.startTimeUnixNano)).toBe(BigInt(trace.durationMs!) * 1_000_000n);
    expect(attributesOf(root!)).toMatchObject({
      "gen_ai.operation.name": "invoke_workflow", "gen_ai.workflow.name": "answer-question", "gen_ai.conversation.id": "session-1",
      "user.id": "ann", "llmscope.tag.feature": "search", "llmscope.trace.llm_calls": 4, "llmscope.trace.retrieval_ms": 120,
    });
    const [agent] = byName("invoke_agent agent");
    expect(agent!.parentSpanId).toBe(root!.spanId);
    expect(attributesOf(agent!)).toMatchObject({ "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "agent" });
    const [retrieval] = byName("retrieval vector-search");
    expect(retrieval!.kind).toBe(3); // CLIENT
    expect(attributesOf(retrieval!)).toMatchObject({ "gen_ai.operation.name": "retrieval", "gen_ai.data_source.id": "vector-search", "llmscope.step.topK": 5 });
    const [tool] = byName("execute_tool get_weather");
    expect(attributesOf(tool!)).toMatchObject({ "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "get_weather", "gen_ai.tool.call.id": "call_1" });
    const failed = byName("preprocess-2")[0]!;
    expect(failed.kind).toBe(1);
    expect(failed.status.code).toBe(2);
    expect(attributesOf(failed)["error.type"]).toBe("timeout");
    const chats = byName("chat gpt-4o-mini");
    expect(chats).toHaveLength(4);
    for (const x of [retrieval, tool, failed, ...chats]) expect(x!.parentSpanId).toBe(agent!.spanId);
  });

  it("makes the root invoke_agent when the model drove tools without agent steps", async () => {
    receiver = await startOtlpReceiver();
    const otlp = createOtlpForwarder({ endpoint: receiver.url, flushIntervalMs: 50 });
    s = await startTestServer({ otlp });
    const { trace, calls } = makeTrace({ startedAt: T, name: "support-agent" });
    await s.post("/v1/calls", { v: 1, sentAt: T, calls, traces: [trace] });
    await s.collector.flush();
    const spans = receiver.spans();
    const root = spans.find((x) => x.name === "invoke_agent support-agent")!;
    expect(root.parentSpanId ?? "").toBe("");
    expect(attributesOf(root)).toMatchObject({ "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "support-agent" });
    expect(spans.filter((x) => x.name.startsWith("chat ")).every((x) => x.parentSpanId === root.spanId && x.traceId === trace.id)).toBe(true);
    expect(otlp.stats()).toEqual({ forwarded: 5, dropped: 0, failed: 0 });
  });
});
