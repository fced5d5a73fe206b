import { describe, expect, it } from "vitest";
import { createMockLLM } from "../../handler.ts";
import { jsonRequest, readSse } from "../../test-read.ts";

const mock = createMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
const messages = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  mock(jsonRequest("/v1/messages", { model: "claude-haiku-4-5", max_tokens: 200, messages: [{ role: "user", content: "Hi" }], ...body }, headers));

describe("Anthropic messages", () => {
  it("streams message_start, a text block with ping, message_delta with cumulative usage, message_stop", async () => {
    const events = await readSse(await messages({ stream: true }));
    const names = events.map((e) => e.event);
    const deltas = names.filter((n) => n === "content_block_delta").length;
    expect(names).toEqual(["message_start", "content_block_start", "ping", ...Array(deltas).fill("content_block_delta"), "content_block_stop", "message_delta", "message_stop"]);
    const data = events.map((e) => JSON.parse(e.data));
    expect(data.every((d, i) => d.type === names[i])).toBe(true);
    expect(data[0].message.usage).toMatchObject({ output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    const text = data.filter((d) => d.type === "content_block_delta").map((d) => d.delta.text).join("");
    const json = await (await messages({})).json();
    expect(text).toBe(json.content[0].text);
    const delta = data.find((d) => d.type === "message_delta");
    expect(delta.delta.stop_reason).toBe("end_turn");
    expect(delta.usage.output_tokens).toBe(json.usage.output_tokens);
  });

  it("answers in text after a tool_result", async () => {
    const tools = [{ name: "lookup", input_schema: { type: "object", properties: {} } }];
    const history = [
      { role: "user", content: "Look it up" },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "lookup", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "42" }] },
    ];
    const body = await (await messages({ tools, messages: history })).json();
    expect(body.stop_reason).toBe("end_turn");
    expect(body.content[0].type).toBe("text");
  });

  it("stops with max_tokens when capped", async () => {
    const body = await (await messages({ max_tokens: 3 })).json();
    expect(body.stop_reason).toBe("max_tokens");
    expect(body.usage.output_tokens).toBeLessThanOrEqual(3);
  });

  it("requires max_tokens, like the real API", async () => {
    const res = await mock(jsonRequest("/v1/messages", { model: "claude-haiku-4-5", messages: [] }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
  });

  it("ends a stream_error stream with event: error (overloaded_error) after some deltas", async () => {
    const events = await readSse(await messages({ stream: true }, { "x-mock-scenario": "stream_error" }));
    expect(events.at(-1)!.event).toBe("error");
    expect(JSON.parse(events.at(-1)!.data)).toEqual({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
    expect(events.some((e) => e.event === "content_block_delta")).toBe(true);
    expect(events.some((e) => e.event === "message_stop")).toBe(false);
  });
});
