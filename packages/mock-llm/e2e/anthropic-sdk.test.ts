import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockLLMServer, startMockLLM } from "../src/node.ts";

let server: MockLLMServer;
let client: Anthropic;
beforeAll(async () => {
  server = await startMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
  client = new Anthropic({ apiKey: "sk-ant-test", baseURL: server.url, maxRetries: 0 });
});
afterAll(async () => {
  await server.close();
});

const scenario = (id: string) => ({ headers: { "x-mock-scenario": id } });
const base = { model: "claude-sonnet-4-6", max_tokens: 256, messages: [{ role: "user" as const, content: "Explain streaming briefly." }] };

describe("@anthropic-ai/sdk against the mock", () => {
  it("messages JSON and the accumulated stream agree", async () => {
    const json = await client.messages.create(base);
    const stream = client.messages.stream(base);
    const deltas: string[] = [];
    stream.on("text", (t) => deltas.push(t));
    const final = await stream.finalMessage();
    const text = (m: Anthropic.Message) => m.content.map((b) => (b.type === "text" ? b.text : "")).join("");
    expect(text(json).length).toBeGreaterThan(10);
    expect(text(final)).toBe(text(json));
    expect(deltas.join("")).toBe(text(json));
    expect(final.stop_reason).toBe("end_turn");
    expect(final.usage.output_tokens).toBe(json.usage.output_tokens);
    expect(final.usage.input_tokens).toBe(json.usage.input_tokens);
  });

  it("streams a tool_use block through input_json_delta", async () => {
    const tools = [{ name: "get_weather", input_schema: { type: "object" as const, properties: { city: { type: "string" } }, required: ["city"] } }];
    const final = await client.messages.stream({ ...base, tools }).finalMessage();
    const block = final.content[0]!;
    expect(block.type).toBe("tool_use");
    expect(block.type === "tool_use" && block.input).toHaveProperty("city");
    expect(final.stop_reason).toBe("tool_use");
  });

  it("reports cache writes then cache reads for a long prompt marked with cache_control", async () => {
    const system = [{ type: "text" as const, text: "Reference manual. ".repeat(400), cache_control: { type: "ephemeral" as const } }];
    const first = await client.messages.create({ ...base, system });
    const second = await client.messages.create({ ...base, system });
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(1000);
    expect(first.usage.cache_read_input_tokens).toBe(0);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
  });

  it("stop_reason refusal for refusal and content_filter", async () => {
    expect((await client.messages.create(base, scenario("refusal"))).stop_reason).toBe("refusal");
    expect((await client.messages.create(base, scenario("content_filter"))).stop_reason).toBe("refusal");
  });

  it("throws typed errors for 401, 429 and 529", async () => {
    const call = (id: string) => client.messages.create(base, scenario(id));
    await expect(call("auth")).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    await expect(call("rate_limit")).rejects.toBeInstanceOf(Anthropic.RateLimitError);
    const overloaded = await call("overloaded").catch((e: unknown) => e);
    expect(overloaded).toMatchObject({ status: 529, error: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } } });
  });

  it("surfaces the mid-stream overloaded error event after some deltas", async () => {
    const stream = client.messages.stream(base, scenario("stream_error"));
    const deltas: string[] = [];
    stream.on("text", (t) => deltas.push(t));
    const error = await stream.finalMessage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).message).toContain("overloaded_error");
    expect(deltas.length).toBeGreaterThan(0);
  });
});
