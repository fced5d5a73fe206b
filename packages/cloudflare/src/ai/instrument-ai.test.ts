import { createRecorder, memorySink, type LLMCall } from "@llmscope/core";
import { beforeEach, describe, expect, it } from "vitest";
import { fakeAIBinding } from "./test-ai-binding.ts";
import { instrumentAI } from "./instrument-ai.ts";

function setup() {
  const sink = memorySink();
  const recorder = createRecorder({ sinks: [sink], estimateTokens: false });
  const binding = fakeAIBinding();
  const ai = instrumentAI(binding, { recorder });
  const calls = async (): Promise<LLMCall[]> => {
    await recorder.flush();
    return sink.calls();
  };
  return { recorder, binding, ai, calls };
}

describe("instrumentAI", () => {
  let s: ReturnType<typeof setup>;
  beforeEach(() => {
    s = setup();
  });

  it("returns the binding's own result and records model, prompt, completion and tokens", async () => {
    const inputs = { messages: [{ role: "system", content: "Be exact." }, { role: "user", content: "What is 6 x 7?" }], max_tokens: 20 };
    const result = await s.ai.run("@cf/meta/llama-3.1-8b-instruct", inputs);
    expect(result).toEqual({ response: "The answer is 42.", usage: { prompt_tokens: 11, completion_tokens: 4, total_tokens: 15 } });
    expect(s.binding.runs).toEqual([{ model: "@cf/meta/llama-3.1-8b-instruct", inputs }]);
    const [call] = await s.calls();
    expect(call).toMatchObject({
      provider: "workers-ai",
      operation: "chat",
      model: "@cf/meta/llama-3.1-8b-instruct",
      url: "https://workers-ai.binding/AI/ai/run/@cf/meta/llama-3.1-8b-instruct",
      stream: false,
      params: { maxTokens: 20 },
      prompt: { system: "Be exact.", messages: [{ role: "user", content: "What is 6 x 7?" }] },
      completion: { text: "The answer is 42." },
      usage: { inputTokens: 11, outputTokens: 4, totalTokens: 15, source: "provider" },
    });
    expect(call!.error).toBeUndefined();
    expect(call!.timing.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("passes a stream through byte for byte and records it once read", async () => {
    const stream = (await s.ai.run("@cf/meta/llama-3.1-8b-instruct", { prompt: "Answer?", stream: true })) as ReadableStream<Uint8Array>;
    expect(stream).toBeInstanceOf(ReadableStream);
    const text = await new Response(stream).text();
    const direct = await new Response((await fakeAIBinding().run("@cf/meta/llama-3.1-8b-instruct", { stream: true })) as ReadableStream).text();
    expect(text).toBe(direct);
    const [call] = await s.calls();
    expect(call).toMatchObject({
      stream: true,
      prompt: { text: "Answer?" },
      completion: { text: "The answer is 42." },
      usage: { inputTokens: 11, outputTokens: 4, source: "provider" },
      timing: { chunkCount: expect.any(Number) },
    });
    expect(call!.timing.ttftMs).toBeGreaterThanOrEqual(0);
  });

  it("throws the binding's own error and records it classified", async () => {
    const thrown = await s.ai.run("@cf/busy/model", { prompt: "hi" }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(/^3040: Capacity/);
    const missing = await s.ai.run("@cf/missing/model", { prompt: "hi" }).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/No such model/);
    const calls = await s.calls();
    const busy = calls.find((c) => c.model === "@cf/busy/model");
    const notFound = calls.find((c) => c.model === "@cf/missing/model");
    expect(busy!.error).toMatchObject({ kind: "rate_limit", status: 429, code: "3040" });
    expect(notFound!.error).toMatchObject({ kind: "invalid_request", status: 400, code: "5007" });
  });

  it("records embeddings and hands binary results over unread", async () => {
    const embedding = await s.ai.run("@cf/baai/bge-base-en-v1.5", { text: ["hello", "world"] });
    expect(embedding).toEqual({ shape: [1, 3], data: [[0.1, 0.2, 0.3]] });
    const image = (await s.ai.run("@cf/black-forest-labs/image-model", { prompt: "a cat" })) as ReadableStream<Uint8Array>;
    expect([...new Uint8Array(await new Response(image).arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const calls = await s.calls();
    expect(calls).toHaveLength(2);
    const embed = calls.find((c) => c.model === "@cf/baai/bge-base-en-v1.5");
    const picture = calls.find((c) => c.model === "@cf/black-forest-labs/image-model");
    expect(embed).toMatchObject({ operation: "embeddings", prompt: { text: "hello\nworld" } });
    expect(picture).toMatchObject({ prompt: { text: "a cat" }, completion: { text: "" } });
    expect(picture!.error).toBeUndefined();
    expect(s.recorder.stats().parseErrors).toBe(0);
  });

  it("leaves the rest of the binding alone", async () => {
    expect(await s.ai.models()).toEqual([{ name: "@cf/meta/llama-3.1-8b-instruct" }]);
    expect(await s.calls()).toEqual([]);
  });

  it("runs unrecorded when there is no recorder", async () => {
    const binding = fakeAIBinding();
    const result = await instrumentAI(binding).run("@cf/meta/llama-3.1-8b-instruct", { prompt: "x" });
    expect(result).toMatchObject({ response: "The answer is 42." });
    expect(binding.runs).toHaveLength(1);
  });
});
