import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findProvider, providers, registerProvider } from "./index.ts";
import type { ProviderAdapter } from "./types.ts";

const find = (url: string, method = "POST") => {
  const found = findProvider(new URL(url), method);
  return found && { adapter: found.adapter.name, ...found.match };
};

describe("findProvider: direct providers", () => {
  it.each([
    ["https://api.openai.com/v1/chat/completions", { adapter: "openai-chat", provider: "openai", operation: "chat" }],
    ["https://api.openai.com/v1/responses", { adapter: "openai-responses", provider: "openai", operation: "responses" }],
    ["https://api.openai.com/v1/completions", { adapter: "openai-completions", provider: "openai", operation: "completion" }],
    ["https://api.openai.com/v1/embeddings", { adapter: "openai-embeddings", provider: "openai", operation: "embeddings" }],
    ["https://api.anthropic.com/v1/messages", { adapter: "anthropic", provider: "anthropic", operation: "chat" }],
    [
      "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse",
      { adapter: "gemini", provider: "google", operation: "chat", model: "gemini-2.5-pro", stream: true },
    ],
    [
      "https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.0-flash:generateContent",
      { adapter: "gemini", provider: "google", operation: "chat", model: "gemini-2.0-flash", stream: false },
    ],
    ["http://localhost:11434/api/chat", { adapter: "ollama", provider: "ollama", operation: "chat" }],
    ["http://localhost:11434/api/generate", { adapter: "ollama", provider: "ollama", operation: "generate" }],
  ])("%s", (url, expected) => expect(find(url)).toEqual(expected));
});

describe("findProvider: Azure", () => {
  it("takes the deployment as the model", () => {
    expect(find("https://my-res.openai.azure.com/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21")).toEqual({
      adapter: "openai-chat",
      provider: "azure",
      operation: "chat",
      model: "gpt4o-prod",
    });
    expect(find("https://my-res.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-10-21")).toMatchObject({ provider: "azure", model: "emb" });
  });

  it("recognizes the v1 paths on any host and *.openai.azure.com hosts", () => {
    expect(find("https://my-res.openai.azure.com/openai/v1/responses")).toMatchObject({ adapter: "openai-responses", provider: "azure" });
    expect(find("http://127.0.0.1:4000/openai/v1/chat/completions")).toMatchObject({ provider: "azure" });
    expect(find("https://my-res.openai.azure.com/openai/responses?api-version=2025-04-01-preview")).toMatchObject({ provider: "azure" });
  });
});

describe("findProvider: OpenAI-compatible providers", () => {
  it.each([
    ["https://api.groq.com/openai/v1/chat/completions", "groq"],
    ["https://api.mistral.ai/v1/chat/completions", "mistral"],
    ["https://api.deepseek.com/chat/completions", "deepseek"],
    ["https://openrouter.ai/api/v1/chat/completions", "openrouter"],
    ["https://api.together.xyz/v1/chat/completions", "together"],
    ["https://api.cloudflare.com/client/v4/accounts/abc123/ai/v1/chat/completions", "workers-ai"],
    ["https://llm.internal.example/v1/chat/completions", "openai-compatible"],
    ["https://vllm.example:8000/v1/embeddings", "openai-compatible"],
    ["http://localhost:8787/mock-llm/v1/chat/completions", "openai"],
    ["http://127.0.0.1:39999/v1/responses", "openai"],
    ["http://localhost:11434/v1/chat/completions", "ollama"],
  ])("%s → %s", (url, provider) => expect(find(url)?.provider).toBe(provider));
});

describe("findProvider: Cloudflare AI Gateway", () => {
  const gw = "https://gateway.ai.cloudflare.com/v1/acct123/my-gw";
  it.each([
    [`${gw}/openai/chat/completions`, { adapter: "openai-chat", provider: "openai" }],
    [`${gw}/openai/responses`, { adapter: "openai-responses", provider: "openai" }],
    [`${gw}/anthropic/v1/messages`, { adapter: "anthropic", provider: "anthropic" }],
    [`${gw}/google-ai-studio/v1beta/models/gemini-2.5-flash:generateContent`, { adapter: "gemini", provider: "google", model: "gemini-2.5-flash" }],
    [`${gw}/azure-openai/my-res/gpt4o-dep/chat/completions?api-version=2024-10-21`, { adapter: "openai-chat", provider: "azure", model: "gpt4o-dep" }],
    [`${gw}/workers-ai/v1/chat/completions`, { adapter: "openai-chat", provider: "workers-ai" }],
    [`${gw}/groq/chat/completions`, { adapter: "openai-chat", provider: "groq" }],
    [`${gw}/compat/chat/completions`, { adapter: "openai-chat", provider: "openai-compatible" }],
  ])("%s", (url, expected) => expect(find(url)).toMatchObject({ ...expected, gateway: "cloudflare" }));
});

describe("findProvider: not LLM calls", () => {
  it.each([
    ["https://example.com/api/users"],
    ["https://api.openai.com/v1/models"],
    ["https://example.com/assets/app.js"],
    ["https://example.com/"],
    ["https://example.com/survey/responses"],
    ["https://example.com/messages"],
    ["https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:countTokens"],
    ["https://api.anthropic.com/v1/messages/count_tokens"],
  ])("%s", (url) => expect(find(url)).toBeNull());

  it("needs a POST", () => {
    expect(find("https://api.openai.com/v1/chat/completions", "GET")).toBeNull();
    expect(find("https://api.openai.com/v1/chat/completions", "post")).not.toBeNull();
  });

  it("never throws, whatever the URL or method", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), fc.constantFrom("POST", "GET", "", "pOsT"), (url, tail, method) => {
        for (const u of [url, `${url}/${tail}`, `${url}/v1/${encodeURIComponent(tail)}/chat/completions`]) {
          let parsed: URL;
          try {
            parsed = new URL(u);
          } catch {
            continue;
          }
          const found = findProvider(parsed, method);
          expect(found === null || typeof found.match.provider === "string").toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("registerProvider", () => {
  const custom = (name: string, onMatch: () => ReturnType<ProviderAdapter["match"]>): ProviderAdapter => ({ ...providers[0]!, name, match: onMatch });

  it("tries user adapters first, newest first, and unregisters them", () => {
    const a = registerProvider(custom("a", () => ({ provider: "a", operation: "chat" })));
    const b = registerProvider(custom("b", () => ({ provider: "b", operation: "chat" })));
    expect(find("https://api.anthropic.com/v1/messages")).toMatchObject({ adapter: "b", provider: "b" });
    b();
    expect(find("https://api.anthropic.com/v1/messages")).toMatchObject({ adapter: "a" });
    a();
    a(); // unregistering twice is harmless
    expect(find("https://api.anthropic.com/v1/messages")).toMatchObject({ adapter: "anthropic" });
  });

  it("lets user adapters claim paths the built-ins ignore, and skips one that throws", () => {
    const off = registerProvider(custom("my-llm", () => ({ provider: "mine", operation: "generate" })));
    const bad = registerProvider(
      custom("broken", () => {
        throw new Error("bug in a user adapter");
      }),
    );
    expect(find("https://llm.example/predict", "GET")).toMatchObject({ adapter: "my-llm", provider: "mine" });
    off();
    bad();
    expect(find("https://llm.example/predict", "GET")).toBeNull();
  });
});
