import { describe, expect, it } from "vitest";
import { openaiChat } from "./openai-chat.ts";
import { runStream, sseEvents } from "./test-helpers.ts";

const match = openaiChat.match(new URL("https://api.openai.com/v1/chat/completions"), "POST")!;

describe("openai chat request", () => {
  it("separates system/developer messages, flattens parts and keeps tool calls and results", () => {
    const parsed = openaiChat.parseRequest(
      {
        model: "gpt-4o-mini",
        temperature: 0.2,
        max_completion_tokens: 300,
        top_p: 0.9,
        seed: 7,
        stream: true,
        stream_options: { include_usage: true },
        response_format: { type: "json_schema", json_schema: { name: "x", schema: {} } },
        tool_choice: "auto",
        reasoning_effort: "low",
        tools: [{ type: "function", function: { name: "get_weather", parameters: {} } }],
        messages: [
          { role: "developer", content: "Be terse." },
          { role: "system", content: [{ type: "text", text: "Answer in English." }] },
          { role: "user", content: [{ type: "text", text: "Weather in Paris?" }, { type: "image_url", image_url: { url: "data:," } }] },
          {
            role: "assistant",
            content: null,
            tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
          },
          { role: "tool", tool_call_id: "call_1", content: "18C" },
        ],
      },
      match,
    );
    expect(parsed.model).toBe("gpt-4o-mini");
    expect(parsed.stream).toBe(true);
    expect(parsed.params).toEqual({
      temperature: 0.2,
      topP: 0.9,
      maxTokens: 300,
      tools: 1,
      toolChoice: "auto",
      responseFormat: "json_schema",
      reasoningEffort: "low",
      seed: 7,
    });
    expect(parsed.prompt.system).toBe("Be terse.\nAnswer in English.");
    expect(parsed.prompt.messages).toEqual([
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: "", toolCalls: [{ name: "get_weather", arguments: '{"city":"Paris"}', id: "call_1" }] },
      { role: "tool", content: "18C" },
    ]);
    expect(parsed.prompt.text).toBe("Be terse.\nAnswer in English.\nWeather in Paris?\n18C");
    expect(parsed.unrecognized).toBeUndefined();
  });

  it("never throws on odd bodies and flags a body without messages", () => {
    for (const body of [null, 42, "x", [], { messages: "hi" }, { messages: [null, 3, { role: 5 }] }]) {
      const parsed = openaiChat.parseRequest(body, match);
      expect(parsed.stream).toBe(false);
      expect(typeof parsed.prompt.text).toBe("string");
    }
    expect(openaiChat.parseRequest({ prompt: "x" }, match).unrecognized).toBe(true);
  });
});

describe("openai chat response", () => {
  it("reads text, finish reason, model and usage with cached and reasoning tokens", () => {
    const r = openaiChat.parseResponse(
      {
        id: "chatcmpl-1",
        object: "chat.completion",
        created: 1,
        model: "gpt-4o-mini-2024-07-18",
        choices: [{ index: 0, message: { role: "assistant", content: "Hello!", refusal: null }, logprobs: null, finish_reason: "stop" }],
        usage: {
          prompt_tokens: 1200,
          completion_tokens: 40,
          total_tokens: 1240,
          prompt_tokens_details: { cached_tokens: 1024, audio_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 12, audio_tokens: 0 },
        },
      },
      match,
      200,
    );
    expect(r).toEqual({
      responseModel: "gpt-4o-mini-2024-07-18",
      completion: { text: "Hello!", finishReason: "stop" },
      usage: { inputTokens: 1200, outputTokens: 40, totalTokens: 1240, cachedInputTokens: 1024, reasoningTokens: 12 },
    });
  });

  it("reads tool calls", () => {
    const r = openaiChat.parseResponse(
      {
        model: "gpt-4o",
        choices: [
          {
            message: { role: "assistant", content: null, tool_calls: [{ id: "call_9", type: "function", function: { name: "f", arguments: "{}" } }] },
            finish_reason: "tool_calls",
          },
        ],
      },
      match,
      200,
    );
    expect(r.completion).toEqual({ text: "", finishReason: "tool_calls", toolCalls: [{ name: "f", arguments: "{}", id: "call_9" }] });
  });

  it("surfaces a refusal as a content_filter error with its text", () => {
    const r = openaiChat.parseResponse(
      { model: "gpt-4o", choices: [{ message: { role: "assistant", content: null, refusal: "I can't help with that." }, finish_reason: "stop" }] },
      match,
      200,
    );
    expect(r.completion.text).toBe("I can't help with that.");
    expect(r.error?.kind).toBe("content_filter");
  });

  it("reads error bodies, including Azure's content filter", () => {
    const rate = openaiChat.parseResponse(
      { error: { message: "Rate limit reached for gpt-4o", type: "requests", param: null, code: "rate_limit_exceeded" } },
      match,
      429,
    );
    expect(rate.error).toEqual({ code: "rate_limit_exceeded", type: "requests", message: "Rate limit reached for gpt-4o" });
    const azure = openaiChat.parseResponse(
      {
        error: {
          message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
          type: null,
          param: "prompt",
          code: "content_filter",
          status: 400,
          innererror: { code: "ResponsibleAIPolicyViolation", content_filter_result: { hate: { filtered: true, severity: "high" } } },
        },
      },
      match,
      400,
    );
    expect(azure.error?.code).toBe("content_filter");
  });
});

describe("openai chat stream", () => {
  it("appends deltas, joins tool-call fragments by index, takes the usage chunk and ends at [DONE]", () => {
    const { result, content } = runStream(
      openaiChat,
      match,
      sseEvents(`
data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}

data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":null}]}

data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"lookup","arguments":""}}]},"finish_reason":null}]}

data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"q\\":"}}]},"finish_reason":null}]}

data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"other","arguments":"{}"}}]},"finish_reason":null}]}

data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"x\\"}"}}]},"finish_reason":null}]}

data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-2024-08-06","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":12,"total_tokens":21}}

data: [DONE]
`),
    );
    expect(content).toEqual([false, true, true, true, true, true, true, false, false, false]);
    expect(result).toEqual({
      responseModel: "gpt-4o-2024-08-06",
      completion: {
        text: "Hello",
        finishReason: "tool_calls",
        toolCalls: [
          { name: "lookup", arguments: '{"q":"x"}', id: "call_a" },
          { name: "other", arguments: "{}", id: "call_b" },
        ],
      },
      usage: { inputTokens: 9, outputTokens: 12, totalTokens: 21 },
    });
  });

  it("leaves usage undefined without include_usage, so the recorder estimates", () => {
    const { result } = runStream(
      openaiChat,
      match,
      sseEvents(`
data: {"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}

data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

data: [DONE]
`),
    );
    expect(result.usage).toBeUndefined();
    expect(result.completion).toEqual({ text: "Hi", finishReason: "stop" });
  });

  it("throws a clear error on malformed data and keeps accumulating after it", () => {
    const acc = openaiChat.createStream(match);
    acc.push({ data: '{"choices":[{"delta":{"content":"a"}}]}' });
    expect(() => acc.push({ data: '{"choices":[' })).toThrow(/not JSON/);
    acc.push({ data: '{"choices":[{"delta":{"content":"b"}}]}' });
    expect(acc.result().completion.text).toBe("ab");
  });

  it("streams only event-stream content types", () => {
    expect(openaiChat.streamFormat(match, "text/event-stream; charset=utf-8")).toBe("sse");
    expect(openaiChat.streamFormat(match, "application/json")).toBeNull();
    expect(openaiChat.streamFormat(match, "text/html")).toBeNull();
  });
});

describe("a stream's completion past maxTextBytes", () => {
  it("keeps that many UTF-8 bytes of text and arguments, never half a character, and says it was cut", () => {
    const stream = openaiChat.createStream({ provider: "openai", operation: "chat" }, 10);
    for (const content of ["héllo", " wörld", " more"]) stream.push({ data: JSON.stringify({ choices: [{ index: 0, delta: { content } }] }) });
    stream.push({ data: JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { name: "f", arguments: "{}" } }] } }] }) });
    const { completion, truncated } = stream.result();
    expect(completion.text).toBe("héllo wö");
    expect(completion.toolCalls).toEqual([{ name: "", arguments: "" }]);
    expect(truncated).toBe(true);
  });
});
