import { describe, expect, it } from "vitest";
import { toolResultsOf } from "./tool-results.ts";

const results = (body: unknown) => Object.fromEntries(toolResultsOf(JSON.stringify(body)));

describe("toolResultsOf", () => {
  it("reads OpenAI chat tool messages by tool_call_id, text parts joined", () => {
    expect(results({ messages: [{ role: "user", content: "hi" }, { role: "tool", tool_call_id: "call_1", content: "sunny" }, { role: "tool", tool_call_id: "call_2", content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] }] })).toEqual({ call_1: "sunny", call_2: "a\nb" });
  });

  it("reads Anthropic tool_result blocks by tool_use_id, several in one turn", () => {
    expect(results({ messages: [{ role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "42" }, { type: "tool_result", tool_use_id: "toolu_2", content: [{ type: "text", text: "7" }] }] }] })).toEqual({ toolu_1: "42", toolu_2: "7" });
  });

  it("reads Responses function_call_output items by call_id", () => {
    expect(results({ input: [{ role: "user", content: "hi" }, { type: "function_call_output", call_id: "call_9", output: "{\"t\":18}" }] })).toEqual({ call_9: "{\"t\":18}" });
  });

  it("reads Gemini functionResponse parts that carry an id, as JSON", () => {
    expect(results({ contents: [{ role: "user", parts: [{ functionResponse: { id: "g1", name: "get_weather", response: { t: 18 } } }, { functionResponse: { name: "no_id", response: {} } }] }] })).toEqual({ g1: "{\"t\":18}" });
  });

  it("is empty for bodies without results, bodies that are not JSON, and none", () => {
    expect(results({ messages: [{ role: "user", content: "tool_call_id" }] })).toEqual({});
    expect(toolResultsOf('{"messages": [{"tool_call_id"').size).toBe(0);
    expect(toolResultsOf(undefined).size).toBe(0);
  });
});
