import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockLLMServer, startMockLLM } from "../src/node.ts";

let server: MockLLMServer;
let client: OpenAI;
beforeAll(async () => {
  server = await startMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
  client = new OpenAI({ apiKey: "sk-test", baseURL: `${server.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await server.close();
});

const scenario = (id: string) => ({ headers: { "x-mock-scenario": id } });
const messages = [{ role: "user" as const, content: "What is the capital of France?" }];
const weatherTool = {
  type: "function" as const,
  function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
};

describe("openai SDK against the mock", () => {
  it("chat.completions JSON and stream give the same text", async () => {
    const json = await client.chat.completions.create({ model: "gpt-4o-mini", messages });
    const stream = await client.chat.completions.create({ model: "gpt-4o-mini", messages, stream: true, stream_options: { include_usage: true } });
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      if (chunk.usage) usage = chunk.usage;
    }
    expect(json.choices[0]!.message.content).toBe(text);
    expect(usage).toEqual(json.usage);
  });

  it("chat.completions.stream accumulates a tool call", async () => {
    const runner = client.chat.completions.stream({ model: "gpt-4o-mini", messages, tools: [weatherTool] });
    const final = await runner.finalChatCompletion();
    const call = final.choices[0]!.message.tool_calls![0]!;
    expect(call.type === "function" && call.function.name).toBe("get_weather");
    expect(call.type === "function" && JSON.parse(call.function.arguments)).toHaveProperty("city");
    expect(final.choices[0]!.finish_reason).toBe("tool_calls");
  });

  it("responses JSON and responses.stream agree, including usage details", async () => {
    const json = await client.responses.create({ model: "gpt-4o-mini", input: "Tell me about caching." });
    const stream = client.responses.stream({ model: "gpt-4o-mini", input: "Tell me about caching." });
    const deltas: string[] = [];
    stream.on("response.output_text.delta", (e) => deltas.push(e.delta));
    const final = await stream.finalResponse();
    expect(json.output_text.length).toBeGreaterThan(10);
    expect(final.output_text).toBe(json.output_text);
    expect(deltas.join("")).toBe(json.output_text);
    expect(final.usage?.input_tokens_details.cached_tokens).toBe(0);
    expect(final.usage?.output_tokens_details.reasoning_tokens).toBe(0);
  });

  it("responses reports reasoning tokens for o-series models", async () => {
    const res = await client.responses.create({ model: "o4-mini", input: "Think about it." });
    expect(res.usage!.output_tokens_details.reasoning_tokens).toBeGreaterThan(0);
    expect(res.usage!.output_tokens).toBeGreaterThan(res.usage!.output_tokens_details.reasoning_tokens);
  });

  it("responses.stream accumulates a function call", async () => {
    const tools = [{ type: "function" as const, name: "get_weather", strict: false, parameters: weatherTool.function.parameters }];
    const final = await client.responses.stream({ model: "gpt-4o-mini", input: "Weather in Oslo?", tools }).finalResponse();
    const item = final.output[0]!;
    expect(item.type).toBe("function_call");
    expect(item.type === "function_call" && JSON.parse(item.arguments)).toHaveProperty("city");
  });

  it("legacy completions and embeddings (base64, as the SDK asks by default) parse", async () => {
    const completion = await client.completions.create({ model: "gpt-3.5-turbo-instruct", prompt: "Say hi" });
    expect(completion.choices[0]!.text.length).toBeGreaterThan(0);
    const embeddings = await client.embeddings.create({ model: "text-embedding-3-small", input: ["a", "b"], dimensions: 8 });
    expect(embeddings.data).toHaveLength(2);
    expect(embeddings.data[0]!.embedding).toHaveLength(8);
    const norm = Math.hypot(...embeddings.data[0]!.embedding);
    expect(norm).toBeCloseTo(1, 4);
  });

  it("throws the SDK's typed errors for rate limit, context length, auth and overload", async () => {
    const call = (id: string) => client.chat.completions.create({ model: "gpt-4o-mini", messages }, scenario(id));
    await expect(call("rate_limit")).rejects.toMatchObject({ status: 429, code: "rate_limit_exceeded", constructor: OpenAI.RateLimitError });
    await expect(call("context_length")).rejects.toMatchObject({ status: 400, code: "context_length_exceeded", param: "messages" });
    await expect(call("auth")).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(call("overloaded")).rejects.toMatchObject({ status: 503, type: "server_error" });
    await expect(call("network")).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it("raises an APIError for the mid-stream error event", async () => {
    const stream = await client.chat.completions.create({ model: "gpt-4o-mini", messages, stream: true }, scenario("stream_error"));
    const seen: string[] = [];
    const consume = async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? "");
    };
    await expect(consume()).rejects.toBeInstanceOf(OpenAI.APIError);
    expect(seen.length).toBeGreaterThan(0);
  });

  it("talks to the Azure deployment path and gets Azure's content filter 400", async () => {
    const azure = new OpenAI({ apiKey: "k", baseURL: `${server.url}/openai/deployments/gpt4o-prod`, defaultQuery: { "api-version": "2024-10-21" }, maxRetries: 0 });
    const ok = await azure.chat.completions.create({ model: "ignored", messages });
    expect(ok.model).toBe("ignored");
    const error = await azure.chat.completions.create({ model: "ignored", messages }, scenario("content_filter")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe("content_filter");
  });
});
