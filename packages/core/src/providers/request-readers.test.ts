// The recorder finds a built-in protocol by its wire alone and reads the
// request with the call-end chunk: the wire's reader must read exactly what
// the whole adapter reads, for every built-in, and an app's own adapter
// keeps reading its requests itself.
import { describe, expect, it } from "vitest";
import { providers, registerProvider } from "./index.ts";
import { findWire } from "./registry.ts";
import { readRequest } from "./request-readers.ts";
import type { ProviderAdapter } from "./types.ts";

/** one body carrying what each protocol reads its prompt from */
const body = {
  model: "m-1",
  messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "hi" }],
  contents: [{ role: "user", parts: [{ text: "hi" }] }],
  input: "hi",
  prompt: "hi",
  temperature: 0.2,
  max_tokens: 9,
  stream: true,
};

const URLS: Record<string, string> = {
  anthropic: "https://api.anthropic.com/v1/messages",
  gemini: "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:generateContent",
  ollama: "http://127.0.0.1:11434/api/chat",
  "openai-responses": "https://api.openai.com/v1/responses",
  "openai-completions": "https://api.openai.com/v1/completions",
  "openai-chat": "https://api.openai.com/v1/chat/completions",
  "openai-embeddings": "https://api.openai.com/v1/embeddings",
};

describe("a built-in wire's request reader", () => {
  it.each(providers.map((p) => [p.name, p] as const))("%s: the wire is found without its reader, which reads as the whole adapter does", (name, adapter) => {
    const found = findWire(new URL(URLS[name]!), "POST")!;
    expect(found.adapter.name).toBe(name);
    expect("parseRequest" in found.adapter).toBe(false);
    const read = readRequest(found.adapter, body, found.match);
    expect(read).toEqual(adapter.parseRequest(body, found.match));
    expect(read!.prompt.text).toContain("hi");
  });

  it("every built-in has a URL here, so none is left untested", () => {
    expect(Object.keys(URLS).sort()).toEqual(providers.map((p) => p.name).sort());
  });

  it("a wire no built-in reader is known for reads nothing, rather than guessing", () => {
    const found = findWire(new URL(URLS["openai-chat"]!), "POST")!;
    expect(readRequest({ ...found.adapter, name: "no-such-protocol" }, body, found.match)).toBeUndefined();
  });
});

describe("an app's own adapter", () => {
  it("is found whole and reads its own requests", () => {
    const mine: ProviderAdapter = {
      ...providers[0]!,
      name: "mine",
      match: (url) => (url.pathname === "/my/llm" ? { provider: "mine", operation: "chat" } : null),
      parseRequest: () => ({ params: {}, prompt: { messages: [], text: "read by mine" }, stream: false }),
    };
    const off = registerProvider(mine);
    try {
      const found = findWire(new URL("http://127.0.0.1:9/my/llm"), "POST")!;
      expect(found.adapter).toBe(mine);
      expect(readRequest(found.adapter, body, found.match)!.prompt.text).toBe("read by mine");
    } finally {
      off();
    }
  });
});
