import { describe, expect, it } from "vitest";
import { createMockLLM } from "../../handler.ts";
import { jsonRequest } from "../../test-read.ts";

const mock = createMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
const lines = async (res: Response) => (await res.text()).trim().split("\n").map((l) => JSON.parse(l));

describe("Ollama", () => {
  it("streams NDJSON by default from /api/chat, ending with done:true and counts", async () => {
    const res = await mock(jsonRequest("/api/chat", { model: "llama3.2", messages: [{ role: "user", content: "Hi" }] }));
    expect(res.headers.get("content-type")).toBe("application/x-ndjson");
    const all = await lines(res);
    expect(all.length).toBeGreaterThan(2);
    expect(all.slice(0, -1).every((l) => l.done === false && l.message.role === "assistant")).toBe(true);
    const last = all.at(-1);
    expect(last).toMatchObject({ done: true, done_reason: "stop", model: "llama3.2" });
    for (const k of ["prompt_eval_count", "eval_count", "total_duration", "load_duration", "prompt_eval_duration", "eval_duration"]) {
      expect(last[k]).toBeGreaterThan(0);
    }
  });

  it("answers one JSON object when stream is false, with the same text", async () => {
    const req = { model: "llama3.2", prompt: "Hi there", stream: false };
    const json = await (await mock(jsonRequest("/api/generate", req))).json();
    expect(json.done).toBe(true);
    expect(Array.isArray(json.context)).toBe(true);
    const streamed = await lines(await mock(jsonRequest("/api/generate", { ...req, stream: true })));
    expect(streamed.map((l) => l.response).join("")).toBe(json.response);
  });

  it("returns tool calls with arguments as an object", async () => {
    const tools = [{ type: "function", function: { name: "lookup", parameters: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] } } }];
    const json = await (await mock(jsonRequest("/api/chat", { model: "llama3.2", stream: false, tools, messages: [{ role: "user", content: "go" }] }))).json();
    expect(json.message.tool_calls[0].function.name).toBe("lookup");
    expect(typeof json.message.tool_calls[0].function.arguments.n).toBe("number");
  });

  it("stops at num_predict with done_reason length", async () => {
    const json = await (await mock(jsonRequest("/api/generate", { model: "llama3.2", prompt: "Hi", stream: false, options: { num_predict: 2 } }))).json();
    expect(json.done_reason).toBe("length");
  });

  it("emits an {error} line mid-stream and a 404 body for a missing model", async () => {
    const all = await lines(await mock(jsonRequest("/api/chat", { model: "llama3.2", messages: [] }, { "x-mock-scenario": "stream_error" })));
    expect(all.at(-1)).toEqual({ error: expect.stringContaining("error") });
    const res = await mock(jsonRequest("/api/chat", { model: "qwen9" }, { "x-mock-scenario": "not_found" }));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'model "qwen9" not found, try pulling it first' });
  });
});
