import { describe, expect, it } from "vitest";
import { createMockLLM } from "./handler.ts";
import { SCENARIOS } from "./scenarios.ts";
import { jsonRequest } from "./test-read.ts";

const mock = createMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
const chat = (content: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}, path = "/v1/chat/completions") =>
  mock(jsonRequest(path, { model: "gpt-4o-mini", messages: [{ role: "user", content }], ...extra }, headers)).then((r) => r.json());

describe("createMockLLM", () => {
  it("gives the same prompt the same answer, and other prompts other answers", async () => {
    const a1 = (await chat("What is a token?")).choices[0].message.content;
    const a2 = (await createMockLLM({ firstChunkDelayMs: 0 })(jsonRequest("/v1/chat/completions", { messages: [{ role: "user", content: "What is a token?" }] })).then((r) => r.json())).choices[0].message.content;
    expect(a2).toBe(a1);
    const others = new Set<string>();
    for (const q of ["one", "two", "three", "four", "five", "six"]) others.add((await chat(q)).choices[0].message.content);
    expect(others.size).toBeGreaterThan(3);
  });

  it("varies answers only with temperature > 0 and x-mock-vary: 1", async () => {
    const answers = async (extra: Record<string, unknown>, headers: Record<string, string>) => {
      const set = new Set<string>();
      for (let i = 0; i < 6; i++) set.add((await chat("Same prompt", extra, headers)).choices[0].message.content);
      return set.size;
    };
    expect(await answers({ temperature: 0.9 }, {})).toBe(1);
    expect(await answers({ temperature: 0 }, { "x-mock-vary": "1" })).toBe(1);
    expect(await answers({ temperature: 0.9 }, { "x-mock-vary": "1" })).toBeGreaterThan(1);
  });

  it("scales input tokens with prompt length, ~4 chars per token for Latin and ~1 per CJK character", async () => {
    const short = (await chat("word ".repeat(100))).usage.prompt_tokens;
    const long = (await chat("word ".repeat(1000))).usage.prompt_tokens;
    expect(long / short).toBeGreaterThan(8);
    expect(long).toBeGreaterThan(1200);
    expect(long).toBeLessThan(1300);
    const cjk = (await chat("日本語".repeat(100))).usage.prompt_tokens;
    expect(cjk).toBeGreaterThan(290);
    expect(cjk).toBeLessThan(320);
  });

  it("answers Japanese prompts in Japanese", async () => {
    const body = await chat("トークンとは何ですか");
    expect(body.choices[0].message.content).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it("takes the scenario from the query string too", async () => {
    const res = await mock(jsonRequest("/v1/chat/completions?mock_scenario=rate_limit", { messages: [] }));
    expect(res.status).toBe(429);
  });

  it("rejects an unknown scenario with a clear error listing the known ones", async () => {
    const res = await mock(jsonRequest("/v1/chat/completions", { messages: [] }, { "x-mock-scenario": "explode" }));
    expect(res.status).toBe(400);
    const message = (await res.json()).error.message;
    expect(message).toContain('"explode"');
    for (const s of SCENARIOS) expect(message).toContain(s.id);
  });

  it("gives a provider-shaped 400 for a body that is not a JSON object", async () => {
    const res = await mock(new Request("http://x/v1/messages", { method: "POST", body: "{nope" }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.type).toBe("invalid_request_error");
  });

  it("404s unknown paths and routes by suffix under any prefix", async () => {
    expect((await mock(jsonRequest("/v1/unknown", {}))).status).toBe(404);
    const prefixed = await chat("hi", {}, {}, "/some/gateway/prefix/v1/chat/completions");
    expect(prefixed.object).toBe("chat.completion");
  });

  it("rejects the network scenario like a dropped connection", async () => {
    await expect(mock(jsonRequest("/v1/chat/completions", {}, { "x-mock-scenario": "network" }))).rejects.toBeInstanceOf(TypeError);
  });

  it("sets CORS headers on every response", async () => {
    const res = await mock(jsonRequest("/v1/messages", {}, { "x-mock-scenario": "overloaded" }));
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
