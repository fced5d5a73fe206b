import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeAIBinding, FAKE_USAGE } from "../src/ai/test-ai-binding.ts";
import { startFixture, workerEntry, type Fixture } from "./harness/fixtures.ts";

const MODEL = "@cf/meta/llama-3.1-8b-instruct";

describe("instrumentAI in workerd", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startFixture({ entry: workerEntry("ai-worker.ts") });
  });
  afterAll(() => f?.close());

  const run = (user: string, model: string, inputs: Record<string, unknown>) =>
    f.worker.fetch("/", { method: "POST", body: JSON.stringify({ model, inputs }), headers: { "x-user-id": user } });

  it("records binding calls, plain and streamed, with the request's tags", async () => {
    const plain = await run("ai-plain", MODEL, { messages: [{ role: "user", content: "What is the answer?" }], max_tokens: 32 });
    expect(await plain.json()).toEqual({ response: "The answer is 42.", usage: FAKE_USAGE });

    const streamed = await run("ai-stream", MODEL, { prompt: "Stream the answer", stream: true });
    const expected = await new Response((await fakeAIBinding().run(MODEL, { stream: true })) as ReadableStream).text();
    expect(await streamed.text()).toBe(expected);

    const calls = await f.collector.waitForCalls(2);
    const byUser = Object.fromEntries(calls.map((c) => [c.tags.userId, c]));
    expect(byUser["ai-plain"]).toMatchObject({
      provider: "workers-ai",
      model: MODEL,
      stream: false,
      params: { maxTokens: 32 },
      prompt: { text: "What is the answer?" },
      completion: { text: "The answer is 42." },
      usage: { inputTokens: 11, outputTokens: 4, source: "provider" },
    });
    expect(byUser["ai-stream"]).toMatchObject({
      stream: true,
      prompt: { text: "Stream the answer" },
      completion: { text: "The answer is 42." },
      usage: { inputTokens: 11, outputTokens: 4 },
    });
    expect(byUser["ai-stream"]!.timing.chunkCount).toBeGreaterThan(1);
  });

  it("records a failed run as classified while the Worker sees the binding's own error", async () => {
    const before = f.collector.calls.length;
    const failed = await run("ai-busy", "@cf/busy/model", { prompt: "hi" });
    expect(await failed.json()).toEqual({ thrown: "3040: Capacity temporarily exceeded, please try again." });
    const calls = await f.collector.waitForCalls(before + 1);
    expect(calls.find((c) => c.tags.userId === "ai-busy")?.error).toMatchObject({ kind: "rate_limit", code: "3040" });
  });
});
