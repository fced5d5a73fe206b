import { describe, expect, it } from "vitest";
import { openaiCompletions } from "./openai-completions.ts";
import { openaiEmbeddings } from "./openai-embeddings.ts";
import { runStream, sseEvents } from "./test-helpers.ts";

describe("openai legacy completions", () => {
  const match = openaiCompletions.match(new URL("https://api.openai.com/v1/completions"), "POST")!;

  it("matches /v1/completions and Azure deployments, not chat", () => {
    expect(match).toEqual({ provider: "openai", operation: "completion" });
    expect(openaiCompletions.match(new URL("https://r.openai.azure.com/openai/deployments/dv3/completions?api-version=2024-02-01"), "POST")).toEqual({
      provider: "azure",
      operation: "completion",
      model: "dv3",
    });
    expect(openaiCompletions.match(new URL("https://api.openai.com/v1/chat/completions"), "POST")).toBeNull();
  });

  it("reads prompt strings, text choices and a streamed text", () => {
    const r = openaiCompletions.parseRequest({ model: "gpt-3.5-turbo-instruct", prompt: ["Say", "this"], max_tokens: 7, temperature: 0 }, match);
    expect(r).toMatchObject({ model: "gpt-3.5-turbo-instruct", params: { maxTokens: 7, temperature: 0 }, prompt: { text: "Say\nthis" }, stream: false });
    const body = openaiCompletions.parseResponse(
      { object: "text_completion", model: "gpt-3.5-turbo-instruct", choices: [{ text: "This is a test.", index: 0, finish_reason: "length" }], usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 } },
      match,
      200,
    );
    expect(body.completion).toEqual({ text: "This is a test.", finishReason: "length" });
    const s = runStream(openaiCompletions, match, sseEvents(`data: {"choices":[{"text":"A","index":0,"finish_reason":null}]}\n\ndata: {"choices":[{"text":"B","index":0,"finish_reason":"stop"}]}\n\ndata: [DONE]`));
    expect(s.result.completion).toEqual({ text: "AB", finishReason: "stop" });
  });
});

describe("openai embeddings", () => {
  const match = openaiEmbeddings.match(new URL("https://api.openai.com/v1/embeddings"), "POST")!;

  it("records string inputs and usage; never a stream", () => {
    const r = openaiEmbeddings.parseRequest({ model: "text-embedding-3-small", input: ["a b", "c"], dimensions: 256 }, match);
    expect(r).toEqual({
      model: "text-embedding-3-small",
      params: { dimensions: 256 },
      prompt: { messages: [{ role: "input", content: "a b" }, { role: "input", content: "c" }], text: "a b\nc" },
      stream: false,
    });
    const body = openaiEmbeddings.parseResponse(
      { object: "list", data: [{ object: "embedding", index: 0, embedding: [0.1] }], model: "text-embedding-3-small", usage: { prompt_tokens: 3, total_tokens: 3 } },
      match,
      200,
    );
    expect(body).toEqual({ responseModel: "text-embedding-3-small", completion: { text: "" }, usage: { inputTokens: 3, totalTokens: 3 } });
    expect(openaiEmbeddings.streamFormat(match, "text/event-stream")).toBeNull();
  });
});
