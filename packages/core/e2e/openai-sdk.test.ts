import OpenAI from "openai";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRecord, outcome, QUESTION, recording, scenarioHeaders, type Outcome } from "./harness.ts";

let mock: MockLLMServer;
beforeAll(async () => void (mock = await startMockLLM()));
afterAll(() => mock.close());

const rec = recording();
const MODEL = "gpt-4o-mini";
const tools = [{ type: "function" as const, function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];
const client = (fetch: typeof globalThis.fetch) => new OpenAI({ apiKey: "sk-test-SECRET", baseURL: `${mock.url}/v1`, maxRetries: 0, fetch });

async function chat(f: typeof fetch, scenario: string, stream: boolean, includeUsage = false): Promise<Outcome> {
  const openai = client(f);
  const body = { model: MODEL, messages: [{ role: "user" as const, content: QUESTION }], temperature: 0.3, max_tokens: 64, ...(scenario === "tool_call" ? { tools } : {}) };
  return outcome(async () => {
    if (!stream) {
      const r = await openai.chat.completions.create(body, { headers: scenarioHeaders(scenario) });
      const m = r.choices[0]!;
      return { text: m.message.content ?? m.message.refusal ?? "", finish: m.finish_reason, toolCalls: m.message.tool_calls, usage: r.usage };
    }
    const s = await openai.chat.completions.create({ ...body, stream: true, ...(includeUsage ? { stream_options: { include_usage: true } } : {}) }, { headers: scenarioHeaders(scenario) });
    const deltas: string[] = [];
    let finish: unknown;
    let usage: unknown;
    for await (const chunk of s) {
      const c = chunk.choices[0];
      if (c?.delta.content) deltas.push(c.delta.content);
      if (c?.delta.refusal) deltas.push(c.delta.refusal);
      if (c?.finish_reason) finish = c.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    return { text: deltas.join(""), deltas, finish, usage };
  });
}

const cases: [scenario: string, stream: boolean][] = [
  ...["normal", "tool_call", "rate_limit", "context_length", "content_filter", "refusal", "overloaded", "auth", "server_error", "network"].map((s) => [s, false] as [string, boolean]),
  ...["normal", "tool_call", "content_filter", "refusal", "rate_limit", "stream_cut", "stream_error"].map((s) => [s, true] as [string, boolean]),
];

describe("openai SDK through recorder.wrap()", () => {
  it.each(cases)("%s (stream: %s) gives the app the same result and a faithful record", async (scenario, stream) => {
    const plain = await chat(fetch, scenario, stream);
    const got = await chat(rec.recorder.wrap(fetch), scenario, stream);
    expect(got).toEqual(plain);
    const call = await rec.take();
    // the mock's in-stream error is OpenAI's server_error object
    expectRecord(call, { provider: "openai", model: MODEL, scenario, stream, got, ...(scenario === "stream_error" ? { errorKind: "server" as const } : {}) });
    expect(call.params).toMatchObject({ temperature: 0.3, maxTokens: 64 });
    expect(JSON.stringify(call)).not.toContain("sk-test-SECRET");
    if (scenario === "tool_call") expect(call.completion.toolCalls?.[0]?.name).toBe("get_weather");
    if (!stream && scenario === "normal") expect(call.usage).toMatchObject({ source: "provider", ...usageOf(got) });
    if (stream && scenario === "normal") expect(call.usage.source).toBe("estimated");
    if (scenario === "normal" || scenario === "tool_call") expect(call.completion.finishReason).toBe(got.finish);
  });

  it("takes streamed usage from the provider when include_usage is set", async () => {
    const got = await chat(rec.recorder.wrap(fetch), "normal", true, true);
    const call = await rec.take();
    expect(call.usage).toMatchObject({ source: "provider", ...usageOf(got) });
    expect(call.completion.text).toBe(got.text);
  });
});

describe("openai SDK and install()", () => {
  it("records a client constructed after install, and not one constructed before", async () => {
    const before = client(globalThis.fetch);
    const uninstall = rec.recorder.install();
    try {
      const after = client(globalThis.fetch);
      const body = { model: MODEL, messages: [{ role: "user" as const, content: QUESTION }] };
      const r = await after.chat.completions.create(body, { headers: scenarioHeaders("normal") });
      const call = await rec.take();
      expect(call.completion.text).toBe(r.choices[0]!.message.content);
      await before.chat.completions.create(body, { headers: scenarioHeaders("normal") });
      await rec.recorder.flush();
      expect(rec.sink.calls()).toHaveLength(0);
    } finally {
      uninstall();
    }
  });
});

function usageOf(got: Outcome) {
  const u = got.usage as { prompt_tokens: number; completion_tokens: number };
  return { inputTokens: u.prompt_tokens, outputTokens: u.completion_tokens };
}
