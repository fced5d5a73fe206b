import { describe, expect, it } from "vitest";
import { createMockLLM } from "./handler.ts";
import { jsonRequest } from "./test-read.ts";

const mock = createMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
const PROVIDERS = {
  openai: ["/v1/chat/completions", { model: "gpt-4o", messages: [{ role: "user", content: "x" }] }],
  azure: ["/openai/deployments/prod/chat/completions?api-version=2024-10-21", { messages: [{ role: "user", content: "x" }] }],
  anthropic: ["/v1/messages", { model: "claude-haiku-4-5", max_tokens: 10, messages: [{ role: "user", content: "x" }] }],
  gemini: ["/v1beta/models/gemini-2.0-flash:generateContent", { contents: [{ parts: [{ text: "x" }] }] }],
  ollama: ["/api/chat", { model: "llama3.2", messages: [{ role: "user", content: "x" }] }],
} as const;
type Provider = keyof typeof PROVIDERS;
const call = async (provider: Provider, scenario: string) => {
  const [path, body] = PROVIDERS[provider];
  const res = await mock(jsonRequest(path, body, { "x-mock-scenario": scenario }));
  return { status: res.status, headers: res.headers, body: await res.json() };
};

describe("error scenarios speak each provider's exact shape", () => {
  it("rate_limit", async () => {
    const openai = await call("openai", "rate_limit");
    expect(openai.status).toBe(429);
    expect(openai.body.error).toMatchObject({ type: "tokens", code: "rate_limit_exceeded", param: null });
    expect(openai.headers.get("retry-after")).toBe("1");
    expect(openai.headers.get("x-ratelimit-remaining-tokens")).toBe("0");
    expect((await call("azure", "rate_limit")).body.error.code).toBe("429");
    const anthropic = await call("anthropic", "rate_limit");
    expect(anthropic.status).toBe(429);
    expect(anthropic.body).toMatchObject({ type: "error", error: { type: "rate_limit_error" }, request_id: expect.stringMatching(/^req_/) });
    const gemini = await call("gemini", "rate_limit");
    expect(gemini.status).toBe(429);
    expect(gemini.body.error).toMatchObject({ code: 429, status: "RESOURCE_EXHAUSTED" });
    expect((await call("ollama", "rate_limit")).status).toBe(429);
  });

  it("context_length", async () => {
    const openai = await call("openai", "context_length");
    expect(openai.status).toBe(400);
    expect(openai.body.error).toMatchObject({ type: "invalid_request_error", param: "messages", code: "context_length_exceeded" });
    expect((await call("anthropic", "context_length")).body.error.message).toMatch(/prompt is too long/);
    expect((await call("gemini", "context_length")).body.error.status).toBe("INVALID_ARGUMENT");
  });

  it("overloaded: Anthropic 529, others 503", async () => {
    const anthropic = await call("anthropic", "overloaded");
    expect(anthropic.status).toBe(529);
    expect(anthropic.body).toEqual({ type: "error", error: { type: "overloaded_error", message: "Overloaded" }, request_id: expect.any(String) });
    expect((await call("openai", "overloaded")).status).toBe(503);
    expect((await call("gemini", "overloaded")).body.error.status).toBe("UNAVAILABLE");
    expect((await call("ollama", "overloaded")).status).toBe(503);
  });

  it("auth", async () => {
    expect((await call("openai", "auth")).body.error.code).toBe("invalid_api_key");
    expect((await call("azure", "auth")).status).toBe(401);
    expect((await call("anthropic", "auth")).body.error.type).toBe("authentication_error");
    const gemini = await call("gemini", "auth");
    expect(gemini.status).toBe(400);
    expect(gemini.body.error.details[0].reason).toBe("API_KEY_INVALID");
    expect(await call("ollama", "auth")).toMatchObject({ status: 401, body: { error: "unauthorized" } });
  });

  it("server_error is a 500 everywhere", async () => {
    for (const provider of Object.keys(PROVIDERS) as Provider[]) expect((await call(provider, "server_error")).status).toBe(500);
    expect((await call("anthropic", "server_error")).body.error.type).toBe("api_error");
    expect((await call("gemini", "server_error")).body.error.status).toBe("INTERNAL");
  });

  it("content_filter: Azure rejects the prompt with innererror; OpenAI finishes with content_filter", async () => {
    const azure = await call("azure", "content_filter");
    expect(azure.status).toBe(400);
    expect(azure.body.error).toMatchObject({ code: "content_filter", param: "prompt", innererror: { code: "ResponsibleAIPolicyViolation" } });
    expect(azure.body.error.innererror.content_filter_result.violence).toEqual({ filtered: true, severity: "medium" });
    expect((await call("openai", "content_filter")).body.choices[0].finish_reason).toBe("content_filter");
  });

  it("stream_error on a non-streamed call becomes the provider's server error", async () => {
    expect((await call("anthropic", "stream_error")).body.error.type).toBe("api_error");
  });
});
