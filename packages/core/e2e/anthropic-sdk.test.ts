import Anthropic from "@anthropic-ai/sdk";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRecord, outcome, QUESTION, recording, scenarioHeaders, type Outcome } from "./harness.ts";

let mock: MockLLMServer;
beforeAll(async () => void (mock = await startMockLLM()));
afterAll(() => mock.close());

const rec = recording();
const MODEL = "claude-sonnet-4-5";
const tools = [{ name: "get_weather", description: "Weather for a city", input_schema: { type: "object" as const, properties: { city: { type: "string" } } } }];
const client = (fetch: typeof globalThis.fetch) => new Anthropic({ apiKey: "sk-ant-SECRET", baseURL: mock.url, maxRetries: 0, fetch });

async function messages(f: typeof fetch, scenario: string, stream: boolean): Promise<Outcome> {
  const anthropic = client(f);
  const body = { model: MODEL, max_tokens: 64, temperature: 0.3, system: "Answer briefly.", messages: [{ role: "user" as const, content: QUESTION }], ...(scenario === "tool_call" ? { tools } : {}) };
  return outcome(async () => {
    if (!stream) {
      const r = await anthropic.messages.create(body, { headers: scenarioHeaders(scenario) });
      const text = r.content.map((b) => (b.type === "text" ? b.text : "")).join("");
      const toolCalls = r.content.filter((b) => b.type === "tool_use").map((b) => b.type === "tool_use" && b.name);
      return { text, finish: r.stop_reason, toolCalls, usage: r.usage };
    }
    const events = await anthropic.messages.create({ ...body, stream: true }, { headers: scenarioHeaders(scenario) });
    const deltas: string[] = [];
    let finish: unknown;
    let usage: Record<string, unknown> = {};
    for await (const e of events) {
      if (e.type === "content_block_delta" && e.delta.type === "text_delta") deltas.push(e.delta.text);
      if (e.type === "message_start") usage = { ...e.message.usage };
      if (e.type === "message_delta") (finish = e.delta.stop_reason), (usage = { ...usage, ...e.usage });
    }
    return { text: deltas.join(""), deltas, finish, usage };
  });
}

const cases: [scenario: string, stream: boolean][] = [
  ...["normal", "tool_call", "rate_limit", "context_length", "refusal", "overloaded", "auth", "server_error", "network"].map((s) => [s, false] as [string, boolean]),
  ...["normal", "tool_call", "refusal", "overloaded", "stream_cut", "stream_error"].map((s) => [s, true] as [string, boolean]),
];

describe("anthropic SDK through recorder.wrap()", () => {
  it.each(cases)("%s (stream: %s) gives the app the same result and a faithful record", async (scenario, stream) => {
    const plain = await messages(fetch, scenario, stream);
    const got = await messages(rec.recorder.wrap(fetch), scenario, stream);
    expect(got).toEqual(plain);
    const call = await rec.take();
    // the mock's in-stream error is Anthropic's overloaded_error event
    expectRecord(call, { provider: "anthropic", model: MODEL, scenario, stream, got, ...(scenario === "stream_error" ? { errorKind: "overloaded" as const } : {}) });
    expect(call.prompt.system).toBe("Answer briefly.");
    expect(call.params).toMatchObject({ temperature: 0.3, maxTokens: 64 });
    expect(JSON.stringify(call)).not.toContain("sk-ant-SECRET");
    if (scenario === "tool_call") expect(call.completion.toolCalls?.[0]?.name).toBe("get_weather");
    if (scenario === "normal") {
      const u = got.usage as { input_tokens: number; output_tokens: number };
      expect(call.usage).toMatchObject({ source: "provider", inputTokens: u.input_tokens, outputTokens: u.output_tokens });
      expect(call.completion.finishReason).toBe(got.finish);
    }
  });
});

describe("anthropic SDK and install()", () => {
  it("records a client constructed after install", async () => {
    const uninstall = rec.recorder.install();
    try {
      const r = await client(globalThis.fetch).messages.create({ model: MODEL, max_tokens: 32, messages: [{ role: "user", content: QUESTION }] }, { headers: scenarioHeaders("normal") });
      const call = await rec.take();
      expect(call.completion.text).toBe(r.content.map((b) => (b.type === "text" ? b.text : "")).join(""));
    } finally {
      uninstall();
    }
  });
});
