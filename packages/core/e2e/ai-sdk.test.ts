import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { generateText, jsonSchema, streamText, tool, type LanguageModel } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRecord, outcome, QUESTION, recording, scenarioHeaders, type Outcome } from "./harness.ts";

let mock: MockLLMServer;
beforeAll(async () => void (mock = await startMockLLM()));
afterAll(() => mock.close());

const rec = recording();
const SECRET = "ai-sdk-SECRET";

interface Target {
  name: string;
  provider: string;
  model: string;
  make(fetch: typeof globalThis.fetch): LanguageModel;
  /** what the mock's in-stream error is recorded as, for this wire format */
  streamErrorKind: "server" | "overloaded";
}

const targets: Target[] = [
  { name: "openai responses", provider: "openai", model: "gpt-4o-mini", streamErrorKind: "server", make: (fetch) => createOpenAI({ baseURL: `${mock.url}/v1`, apiKey: SECRET, fetch })("gpt-4o-mini") },
  { name: "openai chat", provider: "openai", model: "gpt-4o-mini", streamErrorKind: "server", make: (fetch) => createOpenAI({ baseURL: `${mock.url}/v1`, apiKey: SECRET, fetch }).chat("gpt-4o-mini") },
  { name: "anthropic", provider: "anthropic", model: "claude-haiku-4-5", streamErrorKind: "overloaded", make: (fetch) => createAnthropic({ baseURL: `${mock.url}/v1`, apiKey: SECRET, fetch })("claude-haiku-4-5") },
  { name: "google", provider: "google", model: "gemini-2.5-flash", streamErrorKind: "server", make: (fetch) => createGoogleGenerativeAI({ baseURL: `${mock.url}/v1beta`, apiKey: SECRET, fetch })("gemini-2.5-flash") },
];

const tools = { get_weather: tool({ description: "Weather for a city", inputSchema: jsonSchema<{ city: string }>({ type: "object", properties: { city: { type: "string" } }, required: ["city"] }) }) };

async function run(model: LanguageModel, scenario: string, stream: boolean): Promise<Outcome> {
  const request = { model, system: "Answer briefly.", prompt: QUESTION, temperature: 0.3, maxOutputTokens: 64, maxRetries: 0, headers: scenarioHeaders(scenario), ...(scenario === "tool_call" ? { tools } : {}) };
  return outcome(async () => {
    if (!stream) {
      const r = await generateText(request);
      return { text: r.text, finish: r.finishReason, toolCalls: r.toolCalls.map((c) => [c.toolName, c.input]), usage: [r.usage.inputTokens, r.usage.outputTokens] };
    }
    const deltas: string[] = [];
    const errors: string[] = [];
    let finish: unknown;
    for await (const part of streamText(request).fullStream) {
      if (part.type === "text-delta") deltas.push(part.text);
      if (part.type === "finish") finish = part.finishReason;
      if (part.type === "error") errors.push(String((part.error as Error)?.message ?? part.error).replace(/req_\w+/g, "req_ID"));
    }
    return { text: deltas.join(""), deltas, finish, ...(errors.length ? { error: { name: "stream", message: errors.join("|") } } : {}) };
  });
}

const cases = targets.flatMap((t) =>
  ([["normal", false], ["tool_call", false], ["rate_limit", false], ["normal", true], ["stream_cut", true], ["stream_error", true]] as const).map(([s, stream]) => [t.name, s, stream] as const),
);

describe("ai SDK providers with fetch = recorder.wrap()", () => {
  it.each(cases)("%s: %s (stream: %s) gives the app the same result and a faithful record", async (name, scenario, stream) => {
    const target = targets.find((t) => t.name === name)!;
    const plain = await run(target.make(fetch), scenario, stream);
    const got = await run(target.make(rec.recorder.wrap(fetch)), scenario, stream);
    expect(got).toEqual(plain);
    const call = await rec.take();
    expectRecord(call, { provider: target.provider, model: target.model, scenario, stream, got: { ...got, error: undefined }, ...(scenario === "stream_error" ? { errorKind: target.streamErrorKind } : {}) });
    expect(call.params.temperature).toBe(0.3);
    expect(JSON.stringify(call)).not.toContain(SECRET);
    if (scenario === "tool_call") expect(call.completion.toolCalls?.[0]?.name).toBe("get_weather");
    if (scenario === "normal" && !stream) expect([call.usage.inputTokens, call.usage.outputTokens]).toEqual(got.usage);
  });
});

describe("ai SDK and install()", () => {
  it("records a provider created before install: it looks fetch up per call", async () => {
    const model = createOpenAI({ baseURL: `${mock.url}/v1`, apiKey: SECRET }).chat("gpt-4o-mini");
    const uninstall = rec.recorder.install();
    try {
      const got = await run(model, "normal", false);
      expect((await rec.take()).completion.text).toBe(got.text);
    } finally {
      uninstall();
    }
  });
});
