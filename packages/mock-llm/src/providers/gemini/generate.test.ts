import { describe, expect, it } from "vitest";
import { createMockLLM } from "../../handler.ts";
import { jsonRequest, readChunks } from "../../test-read.ts";

const mock = createMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
const body = { contents: [{ role: "user", parts: [{ text: "Tell me about rivers" }] }] };
const gemini = (path: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) =>
  mock(jsonRequest(`/v1beta/models/gemini-2.0-flash:${path}`, { ...body, ...extra }, headers));

describe("Gemini generateContent", () => {
  it("answers JSON with candidates, usageMetadata, modelVersion and responseId", async () => {
    const res = await (await gemini("generateContent")).json();
    expect(res.candidates[0]).toMatchObject({ content: { role: "model" }, finishReason: "STOP", index: 0 });
    const u = res.usageMetadata;
    expect(u.totalTokenCount).toBe(u.promptTokenCount + u.candidatesTokenCount);
    expect(u.thoughtsTokenCount).toBeUndefined();
    expect(res.modelVersion).toBe("gemini-2.0-flash");
    expect(typeof res.responseId).toBe("string");
  });

  it("streams SSE data lines with CRLF framing when alt=sse", async () => {
    const res = await gemini("streamGenerateContent?alt=sse");
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const { chunks } = await readChunks(res);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.startsWith("data: ") && c.endsWith("\r\n\r\n"))).toBe(true);
    const parsed = chunks.map((c) => JSON.parse(c.slice(6)));
    expect(parsed.at(-1).candidates[0].finishReason).toBe("STOP");
    expect(parsed.slice(0, -1).every((p) => p.candidates[0].finishReason === undefined)).toBe(true);
  });

  it("streams one JSON array element by element without alt=sse", async () => {
    const res = await gemini("streamGenerateContent");
    const { chunks } = await readChunks(res);
    expect(chunks[0]!.startsWith("[{")).toBe(true);
    expect(chunks.slice(1).every((c) => c.startsWith("\r\n,{"))).toBe(true);
    expect(chunks.at(-1)!.endsWith("\r\n]")).toBe(true);
    const array = JSON.parse(chunks.join(""));
    expect(array).toHaveLength(chunks.length);
    const streamed = array.map((r: any) => r.candidates[0].content?.parts[0].text ?? "").join("");
    const whole = await (await gemini("generateContent")).json();
    expect(streamed).toBe(whole.candidates[0].content.parts[0].text);
  });

  it("blocks the prompt with promptFeedback, honouring x-mock-block-reason", async () => {
    const res = await (await gemini("generateContent", { "x-mock-scenario": "blocked", "x-mock-block-reason": "PROHIBITED_CONTENT" })).json();
    expect(res.promptFeedback).toEqual({ blockReason: "PROHIBITED_CONTENT" });
    expect(res.candidates).toBeUndefined();
  });

  it("keeps a stream_error JSON array well-formed with the error as its last element", async () => {
    const { chunks } = await readChunks(await gemini("streamGenerateContent", { "x-mock-scenario": "stream_error" }));
    const array = JSON.parse(chunks.join(""));
    expect(array.at(-1)).toMatchObject({ error: { code: 500, status: "INTERNAL" } });
    expect(array.length).toBeGreaterThan(1);
  });

  it("caps output with MAX_TOKENS", async () => {
    const res = await (await gemini("generateContent", {}, { generationConfig: { maxOutputTokens: 3 } })).json();
    expect(res.candidates[0].finishReason).toBe("MAX_TOKENS");
    expect(res.usageMetadata.candidatesTokenCount).toBeLessThanOrEqual(3);
  });
});
