import { describe, expect, it } from "vitest";
import { workersAI } from "./workers-ai-adapter.ts";

const url = (path: string) => new URL(`https://api.cloudflare.com/client/v4/accounts/abc${path}`);

describe("workersAI adapter", () => {
  it("matches POST …/ai/run/{model} and nothing else", () => {
    expect(workersAI.match(url("/ai/run/@cf/meta/llama-3.1-8b-instruct"), "POST")).toEqual({
      provider: "workers-ai",
      operation: "chat",
      model: "@cf/meta/llama-3.1-8b-instruct",
    });
    expect(workersAI.match(url("/ai/run/@cf/baai/bge-base-en-v1.5"), "POST")?.operation).toBe("embeddings");
    expect(workersAI.match(url("/ai/run/@cf/meta/llama-3.1-8b-instruct"), "GET")).toBeNull();
    expect(workersAI.match(url("/ai/models/search"), "POST")).toBeNull();
  });

  it("reads messages, a bare prompt or embedding text, and the parameters", () => {
    const match = workersAI.match(url("/ai/run/@cf/meta/llama-3.1-8b-instruct"), "POST")!;
    const chat = workersAI.parseRequest(
      { messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }], max_tokens: 64, temperature: 0.2, stream: true, tools: [{}, {}] },
      match,
    );
    expect(chat).toEqual({
      params: { maxTokens: 64, temperature: 0.2, tools: 2 },
      prompt: { messages: [{ role: "user", content: "Hi" }], system: "Be brief.", text: "Be brief.\nHi" },
      stream: true,
    });
    expect(workersAI.parseRequest({ prompt: "Tell me a joke" }, match).prompt.text).toBe("Tell me a joke");
    expect(workersAI.parseRequest({ text: ["a", "b"] }, match).prompt.text).toBe("a\nb");
    expect(workersAI.parseRequest({ text: "one" }, match).stream).toBe(false);
  });

  it("reads a binding result, a REST envelope and an OpenAI-shaped result", () => {
    const match = workersAI.match(url("/ai/run/@cf/meta/llama-3.1-8b-instruct"), "POST")!;
    const usage = { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 };
    expect(workersAI.parseResponse({ response: "Hello!", usage }, match, 200)).toEqual({
      completion: { text: "Hello!" },
      usage: { inputTokens: 12, outputTokens: 5, totalTokens: 17 },
    });
    expect(workersAI.parseResponse({ result: { response: "Hi" }, success: true, errors: [] }, match, 200)).toEqual({ completion: { text: "Hi" } });
    expect(
      workersAI.parseResponse({ model: "gpt-oss", choices: [{ message: { content: "Yo" }, finish_reason: "stop" }] }, match, 200),
    ).toEqual({ completion: { text: "Yo", finishReason: "stop" }, responseModel: "gpt-oss" });
    expect(
      workersAI.parseResponse({ response: null, tool_calls: [{ name: "weather", arguments: { city: "Oslo" } }] }, match, 200).completion,
    ).toEqual({ text: "", toolCalls: [{ name: "weather", arguments: '{"city":"Oslo"}' }] });
  });

  it("reads the errors a failed run reports", () => {
    const match = workersAI.match(url("/ai/run/@cf/meta/llama-3.1-8b-instruct"), "POST")!;
    expect(workersAI.parseResponse({ success: false, errors: [{ code: 3040, message: "Capacity temporarily exceeded" }] }, match, 503).error).toEqual({
      code: "3040",
      message: "Capacity temporarily exceeded",
    });
  });

  it("accumulates an SSE stream of response events, usage last", () => {
    const match = workersAI.match(url("/ai/run/@cf/meta/llama-3.1-8b-instruct"), "POST")!;
    expect(workersAI.streamFormat(match, "text/event-stream")).toBe("sse");
    expect(workersAI.streamFormat(match, "application/json")).toBeNull();
    const stream = workersAI.createStream(match);
    expect(stream.push({ data: '{"response":"Hel","p":"x"}' })).toEqual({ content: true });
    expect(stream.push({ data: '{"response":"lo"}' })).toEqual({ content: true });
    expect(stream.push({ data: '{"response":"","usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}' })).toEqual({ content: false });
    expect(stream.push({ data: "[DONE]" })).toEqual({ content: false });
    expect(() => stream.push({ data: "not json" })).toThrow(/not JSON/);
    expect(stream.result()).toEqual({ completion: { text: "Hello" }, usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 } });
  });
});
