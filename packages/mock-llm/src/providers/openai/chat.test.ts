import { describe, expect, it } from "vitest";
import { createMockLLM } from "../../handler.ts";
import { jsonRequest, readChunks, readSse, readSseJson } from "../../test-read.ts";

const mock = createMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
const chat = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  mock(jsonRequest("/v1/chat/completions", { model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello there" }], ...body }, headers));

describe("OpenAI chat completions", () => {
  it("answers JSON with the chat.completion shape and usage", async () => {
    const res = await chat({});
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    const body = await res.json();
    expect(body.object).toBe("chat.completion");
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(body.model).toBe("gpt-4o-mini-2024-07-18");
    expect(body.choices[0].message.role).toBe("assistant");
    expect(body.choices[0].message.content.length).toBeGreaterThan(20);
    expect(body.choices[0].finish_reason).toBe("stop");
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(body.usage.prompt_tokens_details.cached_tokens).toBe(0);
  });

  it("streams chunks then [DONE], without usage unless asked", async () => {
    const res = await chat({ stream: true });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const messages = await readSse(res.clone());
    expect(messages.at(-1)!.data).toBe("[DONE]");
    const chunks = await readSseJson(res);
    expect(chunks[0].choices[0].delta).toEqual({ role: "assistant", content: "", refusal: null });
    expect(chunks.every((c) => c.object === "chat.completion.chunk" && !("usage" in c))).toBe(true);
    expect(chunks.at(-1).choices[0].finish_reason).toBe("stop");
    const text = chunks.map((c) => c.choices[0].delta.content ?? "").join("");
    const json = await (await chat({})).json();
    expect(text).toBe(json.choices[0].message.content);
  });

  it("with include_usage, every chunk has usage null and a final chunk carries usage with no choices", async () => {
    const chunks = await readSseJson(await chat({ stream: true, stream_options: { include_usage: true } }));
    const last = chunks.at(-1);
    expect(last.choices).toEqual([]);
    expect(last.usage.completion_tokens).toBeGreaterThan(0);
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
  });

  it("streams tool calls as id/name first, then argument fragments", async () => {
    const tools = [{ type: "function", function: { name: "lookup", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }];
    const chunks = await readSseJson(await chat({ stream: true, tools }));
    const first = chunks[0].choices[0].delta.tool_calls[0];
    expect(first).toMatchObject({ index: 0, type: "function", function: { name: "lookup", arguments: "" } });
    expect(first.id).toMatch(/^call_/);
    const args = chunks.slice(1, -1).map((c) => c.choices[0].delta.tool_calls[0].function.arguments).join("");
    expect(Object.keys(JSON.parse(args))).toEqual(["city"]);
    expect(chunks.slice(1, -1).length).toBeGreaterThan(1);
    expect(chunks.at(-1).choices[0].finish_reason).toBe("tool_calls");
  });

  it("answers in text once the conversation ends with a tool result", async () => {
    const tools = [{ type: "function", function: { name: "lookup", parameters: {} } }];
    const messages = [
      { role: "user", content: "weather?" },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "lookup", arguments: "{}" } }] },
      { role: "tool", tool_call_id: "call_1", content: "sunny" },
    ];
    const body = await (await chat({ tools, messages })).json();
    expect(body.choices[0].finish_reason).toBe("stop");
    expect(body.choices[0].message.tool_calls).toBeUndefined();
  });

  it("caps output at max_tokens with finish_reason length", async () => {
    const body = await (await chat({ max_tokens: 5 })).json();
    expect(body.choices[0].finish_reason).toBe("length");
    expect(body.usage.completion_tokens).toBeLessThanOrEqual(5);
  });

  it("reports content_filter and refusal as OpenAI does", async () => {
    const filtered = await (await chat({}, { "x-mock-scenario": "content_filter" })).json();
    expect(filtered.choices[0].finish_reason).toBe("content_filter");
    const refused = await (await chat({}, { "x-mock-scenario": "refusal" })).json();
    expect(refused.choices[0].message.content).toBeNull();
    expect(refused.choices[0].message.refusal).toMatch(/can't help/);
    const streamed = await readSseJson(await chat({ stream: true }, { "x-mock-scenario": "refusal" }));
    expect(streamed.map((c) => c.choices[0].delta.refusal ?? "").join("")).toBe(refused.choices[0].message.refusal);
  });

  it("sends a mid-stream error object for stream_error and ends without [DONE]", async () => {
    const messages = await readSse(await chat({ stream: true }, { "x-mock-scenario": "stream_error" }));
    const last = JSON.parse(messages.at(-1)!.data);
    expect(last.error.type).toBe("server_error");
    expect(messages.some((m) => m.data === "[DONE]")).toBe(false);
    expect(messages.length).toBeGreaterThan(2);
  });

  it("fails the body part-way for stream_cut, with no [DONE]", async () => {
    const { chunks, error } = await readChunks(await chat({ stream: true }, { "x-mock-scenario": "stream_cut" }));
    expect(error).toBeInstanceOf(TypeError);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.join("")).not.toContain("[DONE]");
  });
});
