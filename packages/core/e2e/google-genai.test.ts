import { GoogleGenAI, Type } from "@google/genai";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRecord, outcome, QUESTION, recording, scenarioHeaders, type Outcome } from "./harness.ts";

let mock: MockLLMServer;
beforeAll(async () => void (mock = await startMockLLM()));
afterAll(() => mock.close());

const rec = recording();
const MODEL = "gemini-2.5-flash";
const tools = [{ functionDeclarations: [{ name: "get_weather", parameters: { type: Type.OBJECT, properties: { city: { type: Type.STRING } } } }] }];
const client = (fetch?: typeof globalThis.fetch) =>
  new GoogleGenAI({ apiKey: "AIza-GOOGLE-SECRET", httpOptions: { baseUrl: mock.url, retryOptions: { attempts: 1 }, ...(fetch ? { fetch } : {}) } });

async function generate(ai: GoogleGenAI, scenario: string, stream: boolean): Promise<Outcome> {
  const request = {
    model: MODEL,
    contents: QUESTION,
    config: {
      temperature: 0.3,
      maxOutputTokens: 64,
      systemInstruction: "Answer briefly.",
      httpOptions: { headers: scenarioHeaders(scenario) },
      ...(scenario === "tool_call" ? { tools } : {}),
    },
  };
  return outcome(async () => {
    if (!stream) {
      const r = await ai.models.generateContent(request);
      return { text: r.text ?? "", finish: r.candidates?.[0]?.finishReason, toolCalls: r.functionCalls?.map((c) => c.name), usage: r.usageMetadata, block: r.promptFeedback?.blockReason } as Outcome;
    }
    const deltas: string[] = [];
    let finish: unknown;
    let usage: unknown;
    for await (const chunk of await ai.models.generateContentStream(request)) {
      if (chunk.text) deltas.push(chunk.text);
      finish = chunk.candidates?.[0]?.finishReason ?? finish;
      usage = chunk.usageMetadata ?? usage;
    }
    return { text: deltas.join(""), deltas, finish, usage };
  });
}

const cases: [scenario: string, stream: boolean][] = [
  ...["normal", "tool_call", "rate_limit", "content_filter", "blocked", "overloaded", "auth", "server_error", "network"].map((s) => [s, false] as [string, boolean]),
  ...["normal", "tool_call", "content_filter", "stream_cut", "stream_error"].map((s) => [s, true] as [string, boolean]),
];

describe("@google/genai with httpOptions.fetch = recorder.wrap()", () => {
  it.each(cases)("%s (stream: %s) gives the app the same result and a faithful record", async (scenario, stream) => {
    const plain = await generate(client(), scenario, stream);
    const got = await generate(client(rec.recorder.wrap(fetch)), scenario, stream);
    expect(got).toEqual(plain);
    const call = await rec.take();
    expectRecord(call, { provider: "google", model: MODEL, scenario, stream, got, ...(scenario === "stream_error" ? { errorKind: "server" as const } : {}) });
    expect(call.prompt.system).toBe("Answer briefly.");
    expect(call.params).toMatchObject({ temperature: 0.3, maxTokens: 64 });
    expect(JSON.stringify(call)).not.toContain("GOOGLE-SECRET");
    if (scenario === "tool_call") expect(call.completion.toolCalls?.[0]?.name).toBe("get_weather");
    if (scenario === "normal") {
      // one convention for all providers: output includes the thinking Gemini reports apart
      const u = got.usage as { promptTokenCount: number; candidatesTokenCount: number; thoughtsTokenCount?: number };
      expect(call.usage).toMatchObject({ source: "provider", inputTokens: u.promptTokenCount, outputTokens: u.candidatesTokenCount + (u.thoughtsTokenCount ?? 0) });
    }
  });
});

describe("@google/genai and install()", () => {
  it("records a client constructed before install: it looks fetch up per call", async () => {
    const ai = client();
    const uninstall = rec.recorder.install();
    try {
      const got = await generate(ai, "normal", true);
      const call = await rec.take();
      expect(call.completion.text).toBe(got.text);
      expect(call.stream).toBe(true);
    } finally {
      uninstall();
    }
  });
});
