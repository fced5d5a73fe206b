import { describe, expect, it } from "vitest";
import { ollama } from "./ollama.ts";
import { runStream } from "./test-helpers.ts";

const chat = ollama.match(new URL("http://localhost:11434/api/chat"), "POST")!;
const generate = ollama.match(new URL("http://127.0.0.1:11434/api/generate"), "POST")!;

const lines = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((data) => ({ data }));

describe("ollama", () => {
  it("matches both endpoints and streams NDJSON", () => {
    expect(chat).toEqual({ provider: "ollama", operation: "chat" });
    expect(generate).toEqual({ provider: "ollama", operation: "generate" });
    expect(ollama.streamFormat(chat, "application/x-ndjson")).toBe("ndjson");
    expect(ollama.streamFormat(chat, "application/json; charset=utf-8")).toBeNull();
  });

  it("streams by default and reads options", () => {
    const r = ollama.parseRequest(
      { model: "llama3.2", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }], options: { temperature: 0.3, num_predict: 64, top_k: 10 } },
      chat,
    );
    expect(r).toEqual({
      model: "llama3.2",
      params: { temperature: 0.3, topK: 10, maxTokens: 64 },
      prompt: { system: "Be brief.", messages: [{ role: "user", content: "Hi" }], text: "Be brief.\nHi" },
      stream: true,
    });
    expect(ollama.parseRequest({ model: "llama3.2", prompt: "Why?", system: "S", stream: false }, generate)).toMatchObject({
      stream: false,
      prompt: { system: "S", messages: [{ role: "user", content: "Why?" }] },
    });
  });

  it("flags a body with no model: an app's own /api/chat route, not Ollama", () => {
    expect(ollama.parseRequest({ messages: [{ role: "user", parts: [{ type: "text", text: "hi" }] }], id: "x" }, chat).unrecognized).toBe(true);
  });

  it("accumulates chat lines and takes the counts of the final line", () => {
    const { result, content } = runStream(
      ollama,
      chat,
      lines(`
{"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"Hel"},"done":false}
{"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"lo"},"done":false}
{"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","total_duration":5000,"prompt_eval_count":26,"eval_count":2}
`),
    );
    expect(content).toEqual([true, true, false]);
    expect(result).toEqual({
      responseModel: "llama3.2",
      completion: { text: "Hello", finishReason: "stop" },
      usage: { inputTokens: 26, outputTokens: 2, totalTokens: 28 },
    });
  });

  it("reads generate lines, tool calls with object arguments, and error lines", () => {
    const gen = runStream(ollama, generate, lines(`{"model":"m","response":"Hi","done":false}\n{"model":"m","response":"","done":true,"done_reason":"length","prompt_eval_count":3,"eval_count":1}`));
    expect(gen.result.completion).toEqual({ text: "Hi", finishReason: "length" });
    const tool = ollama.parseResponse(
      { model: "m", message: { role: "assistant", content: "", tool_calls: [{ function: { name: "add", arguments: { a: 1 } } }] }, done: true, done_reason: "stop" },
      chat,
      200,
    );
    expect(tool.completion.toolCalls).toEqual([{ name: "add", arguments: '{"a":1}' }]);
    const err = runStream(ollama, chat, lines(`{"model":"m","message":{"content":"a"},"done":false}\n{"error":"an error was encountered while running the model"}`));
    expect(err.result.error).toEqual({ message: "an error was encountered while running the model" });
  });
});
