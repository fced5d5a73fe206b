// One trace per request through real SDK clients against the mock's exact
// wire formats: the ai SDK's tool loops (generateText and streamText, over
// three protocols), the openai SDK's and the Anthropic SDK's tool round trips.
import Anthropic from "@anthropic-ai/sdk";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { generateText, jsonSchema, stepCountIs, streamText, tool, type LanguageModel } from "ai";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectToolLoop, sleep, ToolClock, tracing } from "./trace-harness.ts";

let mock: MockLLMServer;
beforeAll(async () => void (mock = await startMockLLM()));
afterAll(() => mock.close());

const rec = tracing();
const TOOL_MS = 40;
const SECRET = "trace-SECRET";
const weather = (city: string) => `Sunny in ${city}, 21°C`;
const clock = new ToolClock();

const models: [string, (f: typeof fetch) => LanguageModel][] = [
  ["openai chat", (fetch) => createOpenAI({ baseURL: `${mock.url}/v1`, apiKey: SECRET, fetch }).chat("gpt-4o-mini")],
  ["openai responses", (fetch) => createOpenAI({ baseURL: `${mock.url}/v1`, apiKey: SECRET, fetch })("gpt-4o-mini")],
  ["anthropic", (fetch) => createAnthropic({ baseURL: `${mock.url}/v1`, apiKey: SECRET, fetch })("claude-haiku-4-5")],
];

const weatherTool = (timed: boolean) =>
  tool({
    description: "Weather for a city",
    inputSchema: jsonSchema<{ city: string }>({ type: "object", properties: { city: { type: "string" } }, required: ["city"] }),
    execute: ({ city }, { toolCallId }) => {
      const run = async () => (await sleep(TOOL_MS), clock.toolEnded(), weather(city));
      return timed ? rec.recorder.step("get_weather", run, { kind: "tool", attributes: { "gen_ai.tool.call.id": toolCallId } }) : run();
    },
  });

describe("the ai SDK's tool loop inside recorder.trace", () => {
  it.each(models.flatMap(([name, make]) => [false, true].map((stream) => [name, stream, make] as const)))("%s (stream: %s): one trace, two calls, the tool step between them, an exact summary", async (_name, stream, make) => {
    const request = { model: make(rec.recorder.wrap(fetch)), prompt: "What is the weather in Paris?", tools: { get_weather: weatherTool(false) }, stopWhen: stepCountIs(3), maxRetries: 0 };
    const text = await rec.recorder.trace("ask", async () => {
      clock.start();
      if (!stream) return (await generateText(request)).text;
      const result = streamText(request);
      let out = "";
      for await (const delta of result.textStream) out += delta;
      return out;
    });
    const { trace, calls } = await rec.take();
    expect(calls[1]!.completion.text).toBe(text);
    expectToolLoop(trace, calls, { tool: "get_weather", toolEndedAt: clock.endedAt(trace), result: (r) => expect(r).toContain(weather(JSON.parse(calls[0]!.completion.toolCalls![0]!.arguments).city)) });
    expect(JSON.stringify(trace)).not.toContain(SECRET);
  });

  it("a tool the app timed itself, with the same tool call id, wins over the derived step", async () => {
    const [, make] = models[0]!;
    await rec.recorder.trace("ask", () => generateText({ model: make(rec.recorder.wrap(fetch)), prompt: "Weather in Oslo?", tools: { get_weather: weatherTool(true) }, stopWhen: stepCountIs(3), maxRetries: 0 }));
    const { trace, calls } = await rec.take();
    expectToolLoop(trace, calls, { tool: "get_weather", minToolMs: TOOL_MS, timedByApp: true, result: () => {} });
    // the app's step lies inside the derived gap, so the tool time is the app's own
    expect(trace.summary!.selfMs).toBeGreaterThan(0);
  });
});

describe("Gemini function calls without ids", () => {
  it("both calls land in the trace, and no tool step is made up without an id to match", async () => {
    const model = createGoogleGenerativeAI({ baseURL: `${mock.url}/v1beta`, apiKey: SECRET, fetch: rec.recorder.wrap(fetch) })("gemini-2.5-flash");
    await rec.recorder.trace("ask", () => generateText({ model, prompt: "Weather in Seoul?", tools: { get_weather: weatherTool(false) }, stopWhen: stepCountIs(3), maxRetries: 0 }));
    const { trace, calls } = await rec.take();
    expect(calls).toHaveLength(2);
    expect(calls[0]!.completion.toolCalls![0]).toMatchObject({ name: "get_weather" });
    expect(calls[0]!.completion.toolCalls![0]!.id).toBeUndefined();
    expect(trace.steps).toEqual([]);
    expect(trace.summary).toMatchObject({ calls: 2, toolMs: 0 });
  });
});

describe("SDK tool round trips inside recorder.trace", () => {
  it("openai: tool_calls, then a tool message with tool_call_id", async () => {
    const openai = new OpenAI({ apiKey: SECRET, baseURL: `${mock.url}/v1`, maxRetries: 0, fetch: rec.recorder.wrap(fetch) });
    const tools = [{ type: "function" as const, function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }];
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "Weather in Lima?" }];
    await rec.recorder.trace("ask", async () => {
      clock.start();
      const first = await openai.chat.completions.create({ model: "gpt-4o-mini", messages, tools });
      const call = first.choices[0]!.message.tool_calls![0]!;
      await sleep(TOOL_MS);
      clock.toolEnded();
      const args = JSON.parse((call as { function: { arguments: string } }).function.arguments) as { city: string };
      messages.push(first.choices[0]!.message, { role: "tool", tool_call_id: call.id, content: weather(args.city) });
      await openai.chat.completions.create({ model: "gpt-4o-mini", messages, tools });
    });
    const { trace, calls } = await rec.take();
    const city = JSON.parse(calls[0]!.completion.toolCalls![0]!.arguments).city;
    expectToolLoop(trace, calls, { tool: "get_weather", toolEndedAt: clock.endedAt(trace), result: (r) => expect(r).toBe(weather(city)) });
  });

  it("an embedding call stays an LLM call of the trace, never an http step", async () => {
    const openai = new OpenAI({ apiKey: SECRET, baseURL: `${mock.url}/v1`, maxRetries: 0, fetch: rec.recorder.wrap(fetch) });
    await rec.recorder.trace("index", () => rec.recorder.step("embed", () => openai.embeddings.create({ model: "text-embedding-3-small", input: ["a", "b"] }), { kind: "preprocess" }));
    const { trace, calls } = await rec.take();
    expect(calls.map((c) => [c.operation, c.parentId])).toEqual([["embeddings", trace.steps[0]!.id]]);
    expect(trace.steps.map((s) => s.kind)).toEqual(["preprocess"]);
    expect(trace.summary).toMatchObject({ calls: 1, httpMs: 0 });
  });

  it("anthropic: tool_use, then a tool_result with tool_use_id", async () => {
    const anthropic = new Anthropic({ apiKey: SECRET, baseURL: mock.url, maxRetries: 0, fetch: rec.recorder.wrap(fetch) });
    const tools = [{ name: "get_weather", input_schema: { type: "object" as const, properties: { city: { type: "string" } }, required: ["city"] } }];
    const messages: Anthropic.MessageParam[] = [{ role: "user", content: "Weather in Cairo?" }];
    await rec.recorder.trace("ask", async () => {
      clock.start();
      const first = await anthropic.messages.create({ model: "claude-haiku-4-5", max_tokens: 64, messages, tools });
      const use = first.content.find((b) => b.type === "tool_use")!;
      await sleep(TOOL_MS);
      clock.toolEnded();
      messages.push({ role: "assistant", content: first.content }, { role: "user", content: [{ type: "tool_result", tool_use_id: use.id, content: weather((use.input as { city: string }).city) }] });
      await anthropic.messages.create({ model: "claude-haiku-4-5", max_tokens: 64, messages, tools });
    });
    const { trace, calls } = await rec.take();
    const city = JSON.parse(calls[0]!.completion.toolCalls![0]!.arguments).city;
    expectToolLoop(trace, calls, { tool: "get_weather", toolEndedAt: clock.endedAt(trace), result: (r) => expect(r).toBe(weather(city)) });
  });
});
