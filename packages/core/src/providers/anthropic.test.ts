import { describe, expect, it } from "vitest";
import { anthropic } from "./anthropic.ts";
import { runStream, sseEvents } from "./test-helpers.ts";

const match = anthropic.match(new URL("https://api.anthropic.com/v1/messages"), "POST")!;

describe("anthropic request", () => {
  it("reads system blocks, params, tool use and tool results", () => {
    const r = anthropic.parseRequest(
      {
        model: "claude-sonnet-4-5",
        max_tokens: 1024,
        temperature: 0.5,
        top_k: 40,
        stop_sequences: ["END"],
        stream: true,
        thinking: { type: "enabled", budget_tokens: 2000 },
        tools: [{ name: "get_weather", input_schema: { type: "object" } }],
        tool_choice: { type: "auto" },
        system: [{ type: "text", text: "You are terse.", cache_control: { type: "ephemeral" } }],
        messages: [
          { role: "user", content: "Weather in Oslo?" },
          { role: "assistant", content: [{ type: "text", text: "Checking." }, { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Oslo" } }] },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "-3C" }] }] },
        ],
      },
      match,
    );
    expect(r.model).toBe("claude-sonnet-4-5");
    expect(r.stream).toBe(true);
    expect(r.params).toEqual({ temperature: 0.5, topK: 40, maxTokens: 1024, tools: 1, toolChoice: "auto", stop: ["END"], thinkingBudget: 2000 });
    expect(r.prompt).toEqual({
      system: "You are terse.",
      messages: [
        { role: "user", content: "Weather in Oslo?" },
        { role: "assistant", content: "Checking.", toolCalls: [{ name: "get_weather", arguments: '{"city":"Oslo"}', id: "toolu_1" }] },
        { role: "tool", content: "-3C" },
      ],
      text: "You are terse.\nWeather in Oslo?\nChecking.\n-3C",
    });
  });

  it("takes a plain string system prompt", () => {
    expect(anthropic.parseRequest({ system: "Be kind.", messages: [] }, match).prompt.system).toBe("Be kind.");
  });
});

describe("anthropic response", () => {
  it("adds cache reads and writes into the total input", () => {
    const r = anthropic.parseResponse(
      {
        id: "msg_01",
        type: "message",
        role: "assistant",
        model: "claude-sonnet-4-5-20250929",
        content: [{ type: "text", text: "Hi there" }],
        stop_reason: "end_turn",
        stop_sequence: null,
        usage: { input_tokens: 20, cache_creation_input_tokens: 100, cache_read_input_tokens: 2000, output_tokens: 8 },
      },
      match,
      200,
    );
    expect(r).toEqual({
      responseModel: "claude-sonnet-4-5-20250929",
      completion: { text: "Hi there", finishReason: "end_turn" },
      usage: { inputTokens: 2120, outputTokens: 8, cachedInputTokens: 2000, cacheWriteTokens: 100, totalTokens: 2128 },
    });
  });

  it("records server tool use blocks as tool calls", () => {
    const r = anthropic.parseResponse(
      {
        type: "message",
        model: "m",
        content: [{ type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: { query: "llmscope" } }, { type: "text", text: "Found it." }],
        stop_reason: "end_turn",
      },
      match,
      200,
    );
    expect(r.completion).toEqual({ text: "Found it.", finishReason: "end_turn", toolCalls: [{ name: "web_search", arguments: '{"query":"llmscope"}', id: "srvtoolu_1" }] });
  });

  it("keeps the refusal stop reason and reads error bodies", () => {
    expect(
      anthropic.parseResponse({ type: "message", model: "m", content: [], stop_reason: "refusal", usage: { input_tokens: 1, output_tokens: 0 } }, match, 200).completion
        .finishReason,
    ).toBe("refusal");
    const err = anthropic.parseResponse({ type: "error", error: { type: "overloaded_error", message: "Overloaded" }, request_id: "req_1" }, match, 529);
    expect(err.error).toEqual({ type: "overloaded_error", message: "Overloaded" });
  });
});

describe("anthropic stream", () => {
  const stream = `
event: message_start
data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"cache_read_input_tokens":100,"cache_creation_input_tokens":0,"output_tokens":1}}}

event: content_block_start
data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

event: ping
data: {"type": "ping"}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me"}}

event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" check."}}

event: content_block_stop
data: {"type":"content_block_stop","index":0}

event: content_block_start
data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_9","name":"get_weather","input":{}}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\": "}}

event: content_block_delta
data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"\\"Oslo\\"}"}}

event: content_block_stop
data: {"type":"content_block_stop","index":1}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":30}}

event: message_delta
data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":25,"cache_read_input_tokens":null,"output_tokens":42}}

event: message_stop
data: {"type":"message_stop"}
`;

  it("joins text and tool-input fragments and takes cumulative usage, never summing it", () => {
    const { result, content } = runStream(anthropic, match, sseEvents(stream));
    expect(content).toEqual([false, false, false, true, true, false, true, true, true, false, false, false, false]);
    expect(result).toEqual({
      responseModel: "claude-sonnet-4-5-20250929",
      completion: { text: "Let me check.", finishReason: "tool_use", toolCalls: [{ name: "get_weather", arguments: '{"city": "Oslo"}', id: "toolu_9" }] },
      // the latest output_tokens (42), not 1 + 30 + 42; cache reads from message_start survive a later null
      usage: { inputTokens: 125, outputTokens: 42, cachedInputTokens: 100, cacheWriteTokens: 0, totalTokens: 167 },
    });
  });

  it("turns a mid-stream error event into the response error, keeping the text", () => {
    const { result } = runStream(
      anthropic,
      match,
      sseEvents(`
event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Part"}}

event: error
data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}
`),
    );
    expect(result.completion.text).toBe("Part");
    expect(result.error).toEqual({ type: "overloaded_error", message: "Overloaded" });
  });
});
