import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatBody, startFixture, workerEntry, type Fixture } from "./harness/fixtures.ts";
import { startTapProxy, type TapProxy } from "./harness/tap-proxy.ts";

const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

describe("withLLMScope in workerd: delivery", () => {
  let f: Fixture;
  let tap: TapProxy;
  beforeAll(async () => {
    f = await startFixture({ entry: workerEntry("chat-worker.ts") });
    tap = await startTapProxy(f.mock.url);
  });
  afterAll(async () => {
    await tap?.close();
    await f?.close();
  });

  it("answers before the collector does, then delivers the record through waitUntil", async () => {
    const release = f.collector.hold();
    const response = await f.worker.fetch("/chat", {
      method: "POST",
      body: chatBody("Say hello"),
      headers: { "x-user-id": "user-1", "cf-ray": "8f00aa11bb22cc33-AMS", traceparent: TRACEPARENT },
    });
    // the whole answer is readable while the collector still holds every beacon
    const answer = await response.json();
    expect(response.status).toBe(200);
    expect(answer.choices[0].message.content.length).toBeGreaterThan(0);
    expect(f.collector.calls).toHaveLength(0);
    release();

    const [call] = await f.collector.waitForCalls(1);
    expect(f.collector.envelopes[0]!.path).toBe("/v1/calls");
    expect(f.collector.envelopes[0]!.envelope.v).toBe(1);
    expect(call).toMatchObject({
      provider: "openai",
      operation: "chat",
      model: "gpt-4o-mini",
      status: 200,
      stream: false,
      prompt: { text: "Say hello" },
      completion: { text: answer.choices[0].message.content },
      usage: { inputTokens: answer.usage.prompt_tokens, outputTokens: answer.usage.completion_tokens, source: "provider" },
      tags: { userId: "user-1", cfRay: "8f00aa11bb22cc33-AMS", app: "chat-worker" },
      traceparent: TRACEPARENT,
    });
    expect(JSON.stringify(call)).not.toContain("sk-test-not-a-real-key");
  });

  it("returns the upstream stream byte for byte and records it once the client has read it", async () => {
    const body = chatBody("Stream a short poem", { stream: true, stream_options: { include_usage: true } });
    const before = f.collector.calls.length;

    const response = await f.worker.fetch("/chat", { method: "POST", body, headers: { "x-user-id": "streamer", "x-llm-url": tap.url } });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const relayed = Buffer.from(await response.arrayBuffer());
    expect(tap.bodies).toHaveLength(1);
    expect(relayed.length).toBeGreaterThan(200);
    expect(relayed.equals(tap.bodies[0]!)).toBe(true);

    const calls = await f.collector.waitForCalls(before + 1);
    const call = calls.find((c) => c.tags.userId === "streamer")!;
    expect(call).toMatchObject({ stream: true, prompt: { text: "Stream a short poem" }, usage: { source: "provider" } });
    expect(call.completion.text.length).toBeGreaterThan(0);
    expect(call.timing.chunkCount).toBeGreaterThan(1);
  });

  it("records calls made in ctx.waitUntil after the response, and scoped withTags", async () => {
    const before = f.collector.calls.length;
    const accepted = await f.worker.fetch("/chat/background", { method: "POST", body: chatBody("Summarize later"), headers: { "x-user-id": "bg-user" } });
    expect(await accepted.text()).toBe("accepted");
    const tagged = await f.worker.fetch("/chat/tagged", { method: "POST", body: chatBody("Summarize now"), headers: { "x-user-id": "tag-user" } });
    await tagged.arrayBuffer();

    const calls = await f.collector.waitForCalls(before + 2);
    expect(calls.find((c) => c.prompt.text === "Summarize later")?.tags).toMatchObject({ userId: "bg-user" });
    expect(calls.find((c) => c.prompt.text === "Summarize now")?.tags).toMatchObject({ userId: "tag-user", feature: "summary" });

    // the call begun in waitUntil after the response still belongs to its request's trace, which spans it
    const later = calls.find((c) => c.prompt.text === "Summarize later")!;
    const traceOf = () => f.collector.traces.find((t) => t.id === later.traceId);
    await expect.poll(traceOf).toBeDefined();
    const trace = traceOf()!;
    expect(trace).toMatchObject({ name: "POST /chat/background", tags: { userId: "bg-user" }, callIds: [later.id] });
    expect(trace.startedAt + trace.durationMs!).toBeGreaterThanOrEqual(later.startedAt + later.timing.durationMs!);
  });

  it("records a scheduled event's calls with its trigger", async () => {
    const before = f.collector.calls.length;
    const worker = await f.worker.mf.getWorker();
    const result = await worker.scheduled({ cron: "*/5 * * * *" });
    expect(result.outcome).toBe("ok");
    const calls = await f.collector.waitForCalls(before + 1);
    const call = calls.find((c) => c.prompt.text === "cron */5 * * * *")!;
    expect(call.tags).toMatchObject({ trigger: "scheduled", cron: "*/5 * * * *", app: "chat-worker" });
    await expect.poll(() => f.collector.traces.find((t) => t.id === call.traceId)).toMatchObject({ name: "scheduled */5 * * * *", callIds: [call.id] });
  });
});
