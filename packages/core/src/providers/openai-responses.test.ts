import { describe, expect, it } from "vitest";
import { openaiResponses } from "./openai-responses.ts";
import { runStream, sseEvents } from "./test-helpers.ts";

const match = openaiResponses.match(new URL("https://api.openai.com/v1/responses"), "POST")!;

describe("openai responses request", () => {
  it("takes instructions as the system prompt and a plain string input", () => {
    const r = openaiResponses.parseRequest(
      { model: "gpt-5-mini", instructions: "Be terse.", input: "Hi", max_output_tokens: 50, reasoning: { effort: "minimal" }, text: { format: { type: "json_object" } } },
      match,
    );
    expect(r).toEqual({
      model: "gpt-5-mini",
      params: { maxTokens: 50, responseFormat: "json_object", reasoningEffort: "minimal" },
      prompt: { system: "Be terse.", messages: [{ role: "user", content: "Hi" }], text: "Be terse.\nHi" },
      stream: false,
    });
  });

  it("reads input items: messages with parts, function calls and their outputs, skipping reasoning", () => {
    const r = openaiResponses.parseRequest(
      {
        model: "gpt-4.1",
        stream: true,
        input: [
          { role: "developer", content: "Use tools." },
          { type: "message", role: "user", content: [{ type: "input_text", text: "Weather?" }] },
          { type: "reasoning", id: "rs_1", summary: [] },
          { type: "function_call", call_id: "call_1", name: "get_weather", arguments: '{"city":"Lima"}' },
          { type: "function_call_output", call_id: "call_1", output: "25C" },
        ],
      },
      match,
    );
    expect(r.stream).toBe(true);
    expect(r.prompt).toEqual({
      system: "Use tools.",
      messages: [
        { role: "user", content: "Weather?" },
        { role: "assistant", content: "", toolCalls: [{ name: "get_weather", arguments: '{"city":"Lima"}', id: "call_1" }] },
        { role: "tool", content: "25C" },
      ],
      text: "Use tools.\nWeather?\n25C",
    });
  });
});

describe("openai responses response", () => {
  it("reads output text, function calls and usage details", () => {
    const r = openaiResponses.parseResponse(
      {
        id: "resp_1",
        object: "response",
        status: "completed",
        model: "gpt-4.1-2025-04-14",
        error: null,
        incomplete_details: null,
        output: [
          { type: "reasoning", id: "rs_1", summary: [] },
          { type: "message", id: "msg_1", role: "assistant", status: "completed", content: [{ type: "output_text", text: "Calling.", annotations: [] }] },
          { type: "function_call", id: "fc_1", call_id: "call_7", name: "lookup", arguments: '{"q":1}', status: "completed" },
        ],
        usage: {
          input_tokens: 300,
          input_tokens_details: { cached_tokens: 256 },
          output_tokens: 90,
          output_tokens_details: { reasoning_tokens: 64 },
          total_tokens: 390,
        },
      },
      match,
      200,
    );
    expect(r).toEqual({
      responseModel: "gpt-4.1-2025-04-14",
      completion: { text: "Calling.", finishReason: "completed", toolCalls: [{ name: "lookup", arguments: '{"q":1}', id: "call_7" }] },
      usage: { inputTokens: 300, outputTokens: 90, cachedInputTokens: 256, reasoningTokens: 64, totalTokens: 390 },
    });
  });

  it("uses the incomplete reason as finish reason and surfaces refusals", () => {
    const cut = openaiResponses.parseResponse(
      { object: "response", status: "incomplete", incomplete_details: { reason: "content_filter" }, output: [] },
      match,
      200,
    );
    expect(cut.completion.finishReason).toBe("content_filter");
    const refused = openaiResponses.parseResponse(
      { object: "response", status: "completed", output: [{ type: "message", role: "assistant", content: [{ type: "refusal", refusal: "No." }] }] },
      match,
      200,
    );
    expect(refused.completion.text).toBe("No.");
    expect(refused.error?.kind).toBe("content_filter");
  });
});

describe("openai responses stream", () => {
  it("follows named events to response.completed without doubling the text", () => {
    const response = (status: string, extra: object = {}) => ({ id: "resp_1", object: "response", status, model: "gpt-4.1-2025-04-14", output: [], ...extra });
    const events = sseEvents(`
event: response.created
data: ${JSON.stringify({ type: "response.created", sequence_number: 0, response: response("in_progress") })}

event: response.output_item.added
data: {"type":"response.output_item.added","sequence_number":1,"output_index":0,"item":{"type":"message","id":"msg_1","role":"assistant","status":"in_progress","content":[]}}

event: response.output_text.delta
data: {"type":"response.output_text.delta","sequence_number":2,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hel"}

event: response.output_text.delta
data: {"type":"response.output_text.delta","sequence_number":3,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"lo"}

event: response.output_item.added
data: {"type":"response.output_item.added","sequence_number":4,"output_index":1,"item":{"type":"function_call","id":"fc_1","call_id":"call_1","name":"lookup","arguments":"","status":"in_progress"}}

event: response.function_call_arguments.delta
data: {"type":"response.function_call_arguments.delta","sequence_number":5,"item_id":"fc_1","output_index":1,"delta":"{\\"q\\""}

event: response.function_call_arguments.delta
data: {"type":"response.function_call_arguments.delta","sequence_number":6,"item_id":"fc_1","output_index":1,"delta":":2}"}

event: response.completed
data: ${JSON.stringify({
      type: "response.completed",
      sequence_number: 7,
      response: response("completed", {
        output: [{ type: "message", content: [{ type: "output_text", text: "Hello" }] }],
        usage: { input_tokens: 10, output_tokens: 4, total_tokens: 14, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } },
      }),
    })}
`);
    const { result, content } = runStream(openaiResponses, match, events);
    expect(content).toEqual([false, false, true, true, true, true, true, false]);
    expect(result).toEqual({
      responseModel: "gpt-4.1-2025-04-14",
      completion: { text: "Hello", finishReason: "completed", toolCalls: [{ name: "lookup", arguments: '{"q":2}', id: "call_1" }] },
      usage: { inputTokens: 10, outputTokens: 4, cachedInputTokens: 0, reasoningTokens: 0, totalTokens: 14 },
    });
  });

  it("turns error events and response.failed into the response error", () => {
    const errorEvent = runStream(openaiResponses, match, [{ event: "error", data: '{"type":"error","code":"server_error","message":"boom","param":null,"sequence_number":3}' }]);
    expect(errorEvent.result.error).toEqual({ code: "server_error", message: "boom" });
    const failed = runStream(openaiResponses, match, [
      { data: JSON.stringify({ type: "response.failed", response: { object: "response", status: "failed", error: { code: "rate_limit_exceeded", message: "slow" }, output: [] } }) },
    ]);
    expect(failed.result.error).toEqual({ code: "rate_limit_exceeded", message: "slow" });
    expect(failed.result.completion.finishReason).toBe("failed");
  });
});
