import { describe, expect, it } from "vitest";
import { gemini } from "./gemini.ts";
import { runStream, sseEvents } from "./test-helpers.ts";

const base = "https://generativelanguage.googleapis.com/v1beta/models";
const jsonMatch = gemini.match(new URL(`${base}/gemini-2.5-flash:generateContent`), "POST")!;
const streamMatch = gemini.match(new URL(`${base}/gemini-2.5-flash:streamGenerateContent?alt=sse`), "POST")!;

describe("gemini match and request", () => {
  it("takes the model and the stream flag from the path", () => {
    expect(jsonMatch).toEqual({ provider: "google", operation: "chat", model: "gemini-2.5-flash", stream: false });
    expect(streamMatch.stream).toBe(true);
    expect(gemini.streamFormat(streamMatch, "text/event-stream")).toBe("sse");
    expect(gemini.streamFormat(streamMatch, "application/json; charset=UTF-8")).toBe("json-array");
    expect(gemini.streamFormat(jsonMatch, "application/json")).toBeNull();
  });

  it("reads systemInstruction, generationConfig, function calls and responses", () => {
    const r = gemini.parseRequest(
      {
        systemInstruction: { parts: [{ text: "Answer briefly." }] },
        contents: [
          { role: "user", parts: [{ text: "Weather in Rome?" }] },
          { role: "model", parts: [{ functionCall: { name: "get_weather", args: { city: "Rome" } } }] },
          { role: "user", parts: [{ functionResponse: { name: "get_weather", response: { temp: 21 } } }] },
        ],
        tools: [{ functionDeclarations: [{ name: "get_weather" }] }],
        toolConfig: { functionCallingConfig: { mode: "AUTO" } },
        generationConfig: { temperature: 0.1, topP: 0.8, topK: 20, maxOutputTokens: 256, stopSequences: ["x"], thinkingConfig: { thinkingBudget: 0 } },
      },
      streamMatch,
    );
    expect(r.model).toBe("gemini-2.5-flash");
    expect(r.stream).toBe(true);
    expect(r.params).toEqual({ tools: 1, toolChoice: "AUTO", temperature: 0.1, topP: 0.8, topK: 20, maxTokens: 256, stop: ["x"], thinkingBudget: 0 });
    expect(r.prompt).toEqual({
      system: "Answer briefly.",
      messages: [
        { role: "user", content: "Weather in Rome?" },
        { role: "assistant", content: "", toolCalls: [{ name: "get_weather", arguments: '{"city":"Rome"}' }] },
        { role: "tool", content: '{"temp":21}' },
      ],
      text: "Answer briefly.\nWeather in Rome?\n{\"temp\":21}",
    });
  });
});

describe("gemini response", () => {
  it("reads text without thoughts, usage with cached and thinking tokens", () => {
    const r = gemini.parseResponse(
      {
        candidates: [
          {
            content: { role: "model", parts: [{ text: "planning…", thought: true }, { text: "Sunny." }] },
            finishReason: "STOP",
            index: 0,
          },
        ],
        usageMetadata: { promptTokenCount: 1000, candidatesTokenCount: 5, thoughtsTokenCount: 50, cachedContentTokenCount: 800, totalTokenCount: 1055 },
        modelVersion: "gemini-2.5-flash",
        responseId: "abc",
      },
      jsonMatch,
      200,
    );
    expect(r).toEqual({
      responseModel: "gemini-2.5-flash",
      completion: { text: "Sunny.", finishReason: "STOP" },
      usage: { inputTokens: 1000, outputTokens: 55, cachedInputTokens: 800, reasoningTokens: 50, totalTokens: 1055 },
    });
  });

  it("turns a prompt block reason with no candidates into a content_filter error", () => {
    const r = gemini.parseResponse(
      { promptFeedback: { blockReason: "PROHIBITED_CONTENT" }, usageMetadata: { promptTokenCount: 7, totalTokenCount: 7 }, modelVersion: "gemini-2.5-flash" },
      jsonMatch,
      200,
    );
    expect(r.error).toMatchObject({ kind: "content_filter", code: "PROHIBITED_CONTENT" });
    expect(r.completion.text).toBe("");
  });

  it("reads Google error bodies with the status as code", () => {
    const r = gemini.parseResponse(
      { error: { code: 429, message: "Resource has been exhausted (e.g. check quota).", status: "RESOURCE_EXHAUSTED" } },
      jsonMatch,
      429,
    );
    expect(r.error).toEqual({ code: "RESOURCE_EXHAUSTED", message: "Resource has been exhausted (e.g. check quota)." });
  });
});

describe("gemini stream", () => {
  const chunk = (text: string, extra: object = {}) =>
    JSON.stringify({ candidates: [{ content: { role: "model", parts: [{ text }] }, index: 0 }], modelVersion: "gemini-2.5-flash", ...extra });

  it("appends chunk text and takes the repeated usageMetadata instead of adding it", () => {
    const { result, content } = runStream(
      gemini,
      streamMatch,
      sseEvents(`
data: ${chunk("The ", { usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 1, totalTokenCount: 13 } })}

data: ${chunk("sky", { usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 2, totalTokenCount: 14 } })}

data: ${JSON.stringify({
        candidates: [{ content: { role: "model", parts: [{ text: " is blue." }] }, finishReason: "STOP", index: 0 }],
        usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 5, totalTokenCount: 17 },
        modelVersion: "gemini-2.5-flash",
      })}
`),
    );
    expect(content).toEqual([true, true, true]);
    expect(result.completion).toEqual({ text: "The sky is blue.", finishReason: "STOP" });
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 5, totalTokens: 17 });
  });

  it("keeps a SAFETY finish reason and a block reason arriving mid-stream", () => {
    const { result } = runStream(gemini, streamMatch, [
      { data: chunk("Once") },
      { data: JSON.stringify({ candidates: [{ finishReason: "SAFETY", index: 0, safetyRatings: [] }] }) },
      { data: JSON.stringify({ promptFeedback: { blockReason: "SAFETY" } }) },
    ]);
    expect(result.completion).toEqual({ text: "Once", finishReason: "SAFETY" });
    expect(result.error?.kind).toBe("content_filter");
  });

  it("reads a whole JSON-array body element by element, including function calls", () => {
    const r = gemini.parseResponse(
      [
        JSON.parse(chunk("a")),
        { candidates: [{ content: { role: "model", parts: [{ functionCall: { name: "f", args: { x: 1 } } }] }, finishReason: "STOP" }] },
      ],
      streamMatch,
      200,
    );
    expect(r.completion).toEqual({ text: "a", finishReason: "STOP", toolCalls: [{ name: "f", arguments: '{"x":1}' }] });
  });
});
