// What a recording fetch does with a request that is no LLM call, outside any
// trace: a GET is handed on without so much as its URL being read; a POST
// costs a URL check and is not recorded; an adapter the app registered may
// still take a GET.
import { describe, expect, it } from "vitest";
import { openaiChat } from "../providers/openai-chat.ts";
import { registerProvider } from "../providers/registry.ts";
import { memorySink } from "../sinks/memory-sink.ts";
import { createRecorder } from "./create-recorder.ts";

const answer = () => new Response(JSON.stringify({ choices: [{ message: { role: "assistant", content: "hi" } }] }), { headers: { "content-type": "application/json" } });

function recording() {
  const sink = memorySink();
  // a usage-less answer is not estimated: no tokenizer to load
  const recorder = createRecorder({ sinks: [sink], estimateTokens: false });
  const seen: unknown[][] = [];
  const f = recorder.wrap((async (...args: unknown[]) => (seen.push(args), answer())) as typeof fetch);
  return { sink, recorder, seen, f };
}

describe("a non-LLM fetch outside any trace", () => {
  it("a GET is handed on as it came, its URL never read", async () => {
    const { recorder, seen, f } = recording();
    let reads = 0;
    // a request-like input whose every read is counted
    const input = {
      get url() {
        return reads++, "http://127.0.0.1:9/v1/chat/completions";
      },
      toString() {
        return reads++, "http://127.0.0.1:9/v1/chat/completions";
      },
    } as unknown as URL;
    await f(input);
    await f(input, { method: "get" });
    await recorder.flush();
    expect(reads).toBe(0);
    expect(seen[0]![0]).toBe(input);
    expect(recorder.stats()).toMatchObject({ captured: 0, internalErrors: 0 });
  });

  it("a POST that is no LLM call is not recorded", async () => {
    const { sink, recorder, f } = recording();
    await f("http://127.0.0.1:9/api/orders", { method: "POST", body: "{}" });
    await recorder.flush();
    expect(sink.calls()).toEqual([]);
    expect(recorder.stats().captured).toBe(0);
  });

  it("a method in any spelling is read as the same method: a lowercase post to a chat URL is recorded as a POST", async () => {
    const { sink, recorder, f } = recording();
    await (await f("http://127.0.0.1:9/v1/chat/completions", { method: "post", body: JSON.stringify({ model: "gpt-4o", messages: [] }) })).json();
    await (await f("http://127.0.0.1:9/v1/chat/completions", { method: "Get" })).text();
    await recorder.flush();
    expect(sink.calls().map((c) => [c.method, c.operation])).toEqual([["POST", "chat"]]);
  });

  it("an adapter the app registered still sees a GET", async () => {
    const remove = registerProvider({ ...openaiChat, name: "mine", match: (url, method) => (method === "GET" && url.pathname === "/ask" ? { provider: "mine", operation: "chat" } : null) });
    try {
      const { sink, recorder, f } = recording();
      await (await f("http://127.0.0.1:9/ask")).json();
      await recorder.flush();
      expect(sink.calls().map((c) => [c.provider, c.method, c.completion.text])).toEqual([["mine", "GET", "hi"]]);
    } finally {
      remove();
    }
  });
});
