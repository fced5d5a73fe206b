// Each SDK's tool loop against the mock: the first call asks for the tool, the
// second (carrying the tool's result) answers in text that quotes the result
// and speaks to the question.
import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockLLMServer, startMockLLM } from "../src/node.ts";

let server: MockLLMServer;
beforeAll(async () => {
  server = await startMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
});
afterAll(() => server.close());

const question = "What is the weather in Oslo today?";
const schema = { type: "object" as const, properties: { city: { type: "string" } }, required: ["city"] };
const result = JSON.stringify({ city: "Oslo", temperature: 11, conditions: "light rain" });

function expectFinalAnswer(text: string | null | undefined) {
  expect(text).toContain(`The tool returned ${result}.`);
  expect(text).toContain("weather in Oslo");
}

describe("tool round trips", () => {
  it("openai chat: tool_calls, then a tool message, then the answer (streamed the same)", async () => {
    const openai = new OpenAI({ apiKey: "sk-test", baseURL: `${server.url}/v1`, maxRetries: 0 });
    const tools = [{ type: "function" as const, function: { name: "get_weather", parameters: schema } }];
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: question }];
    const first = await openai.chat.completions.create({ model: "gpt-4o-mini", messages, tools });
    const call = first.choices[0]!.message.tool_calls![0]!;
    expect(first.choices[0]!.finish_reason).toBe("tool_calls");
    expect(call.type === "function" && call.function.name).toBe("get_weather");
    messages.push(first.choices[0]!.message, { role: "tool", tool_call_id: call.id, content: result });
    const second = await openai.chat.completions.create({ model: "gpt-4o-mini", messages, tools });
    expect(second.choices[0]!.finish_reason).toBe("stop");
    expectFinalAnswer(second.choices[0]!.message.content);
    const streamed = await openai.chat.completions.stream({ model: "gpt-4o-mini", messages, tools }).finalChatCompletion();
    expect(streamed.choices[0]!.message.content).toBe(second.choices[0]!.message.content);
  });

  it("openai responses: function_call, then function_call_output, then the answer", async () => {
    const openai = new OpenAI({ apiKey: "sk-test", baseURL: `${server.url}/v1`, maxRetries: 0 });
    const tools = [{ type: "function" as const, name: "get_weather", strict: false, parameters: schema }];
    const first = await openai.responses.create({ model: "gpt-4o-mini", input: question, tools });
    const call = first.output.find((item) => item.type === "function_call")!;
    expect(call).toMatchObject({ type: "function_call", name: "get_weather" });
    const input: OpenAI.Responses.ResponseInput = [{ role: "user", content: question }, call as OpenAI.Responses.ResponseFunctionToolCall, { type: "function_call_output", call_id: (call as OpenAI.Responses.ResponseFunctionToolCall).call_id, output: result }];
    const second = await openai.responses.create({ model: "gpt-4o-mini", input, tools });
    expectFinalAnswer(second.output_text);
  });

  it("anthropic: tool_use, then tool_result, then the answer", async () => {
    const anthropic = new Anthropic({ apiKey: "test", baseURL: server.url, maxRetries: 0 });
    const tools = [{ name: "get_weather", input_schema: schema }];
    const messages: Anthropic.MessageParam[] = [{ role: "user", content: question }];
    const first = await anthropic.messages.create({ model: "claude-sonnet-4-6", max_tokens: 300, messages, tools });
    const use = first.content.find((b) => b.type === "tool_use")!;
    expect(first.stop_reason).toBe("tool_use");
    messages.push({ role: "assistant", content: first.content }, { role: "user", content: [{ type: "tool_result", tool_use_id: use.type === "tool_use" ? use.id : "", content: result }] });
    const second = await anthropic.messages.stream({ model: "claude-sonnet-4-6", max_tokens: 300, messages, tools }).finalMessage();
    expect(second.stop_reason).toBe("end_turn");
    expectFinalAnswer(second.content.map((b) => (b.type === "text" ? b.text : "")).join(""));
  });

  it("gemini: functionCall, then functionResponse, then the answer", async () => {
    const ai = new GoogleGenAI({ apiKey: "test-key", httpOptions: { baseUrl: server.url } });
    const config = { tools: [{ functionDeclarations: [{ name: "get_weather", parametersJsonSchema: schema }] }] };
    const contents = [{ role: "user", parts: [{ text: question }] }];
    const first = await ai.models.generateContent({ model: "gemini-2.5-flash", contents, config });
    const call = first.functionCalls![0]!;
    expect(call.name).toBe("get_weather");
    const second = await ai.models.generateContent({
      model: "gemini-2.5-flash",
      contents: [...contents, { role: "model", parts: [{ functionCall: call }] }, { role: "user", parts: [{ functionResponse: { name: call.name!, response: JSON.parse(result) } }] }],
      config,
    });
    expect(second.functionCalls).toBeUndefined();
    expect(second.text).toContain("The tool returned");
    expect(second.text).toContain("Oslo");
  });
});
