import { ApiError, FinishReason, GoogleGenAI } from "@google/genai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockLLMServer, startMockLLM } from "../src/node.ts";

let server: MockLLMServer;
let ai: GoogleGenAI;
beforeAll(async () => {
  server = await startMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
  // No retryOptions: the SDK then makes exactly one attempt.
  ai = new GoogleGenAI({ apiKey: "test-key", httpOptions: { baseUrl: server.url } });
});
afterAll(async () => {
  await server.close();
});

const withScenario = (id: string) => ({ httpOptions: { headers: { "x-mock-scenario": id } } });
const request = { model: "gemini-2.5-flash", contents: "Describe the sea in two sentences." };

describe("@google/genai against the mock", () => {
  it("generateContent and generateContentStream agree; usage has thoughts for 2.5", async () => {
    const json = await ai.models.generateContent(request);
    let text = "";
    let last: Awaited<ReturnType<typeof ai.models.generateContent>> | undefined;
    for await (const chunk of await ai.models.generateContentStream(request)) {
      text += chunk.text ?? "";
      last = chunk;
    }
    expect(json.text!.length).toBeGreaterThan(10);
    expect(text).toBe(json.text);
    expect(last!.candidates![0]!.finishReason).toBe(FinishReason.STOP);
    expect(json.usageMetadata!.thoughtsTokenCount).toBeGreaterThan(0);
    expect(last!.usageMetadata!.candidatesTokenCount).toBe(json.usageMetadata!.candidatesTokenCount);
    expect(json.modelVersion).toBe("gemini-2.5-flash");
  });

  it("returns a function call when tools are declared", async () => {
    const res = await ai.models.generateContent({
      ...request,
      config: { tools: [{ functionDeclarations: [{ name: "get_weather", parametersJsonSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } }] }] },
    });
    expect(res.functionCalls![0]!.name).toBe("get_weather");
    expect(res.functionCalls![0]!.args).toHaveProperty("city");
  });

  it("a blocked prompt has promptFeedback and no candidates", async () => {
    const res = await ai.models.generateContent({ ...request, config: withScenario("blocked") });
    expect(res.promptFeedback!.blockReason).toBe("SAFETY");
    expect(res.candidates).toBeUndefined();
    expect(res.text).toBeUndefined();
  });

  it("finishReason SAFETY for content_filter", async () => {
    const res = await ai.models.generateContent({ ...request, config: withScenario("content_filter") });
    expect(res.candidates![0]!.finishReason).toBe(FinishReason.SAFETY);
  });

  it("throws ApiError 429 for RESOURCE_EXHAUSTED, and for a mid-stream error chunk", async () => {
    const error = await ai.models.generateContent({ ...request, config: withScenario("rate_limit") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).message).toContain("RESOURCE_EXHAUSTED");

    const seen: string[] = [];
    const consume = async () => {
      for await (const chunk of await ai.models.generateContentStream({ ...request, config: withScenario("stream_error") })) seen.push(chunk.text ?? "");
    };
    await expect(consume()).rejects.toMatchObject({ status: 500 });
    expect(seen.length).toBeGreaterThan(0);
  });
});
