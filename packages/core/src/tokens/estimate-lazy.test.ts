import { describe, expect, it } from "vitest";
import { createRecorder } from "../recorder/index.ts";
import { memorySink } from "../sinks/memory-sink.ts";
import type { LLMCall } from "../types.ts";
import { estimateUsage } from "./estimate-lazy.ts";
import { estimateUsage as eagerEstimateUsage } from "./estimate-usage.ts";
import { jsTiktoken } from "./js-tiktoken.ts";
import { estimateUsage as noTokenizer } from "./no-tokenizer.ts";
import type { EstimatedCall, TokenEstimator } from "./token-estimator.ts";

const call: EstimatedCall = {
  model: "gpt-4o-mini",
  operation: "chat",
  prompt: { messages: [{ role: "user", content: "How many tokens is this?" }], text: "How many tokens is this?" },
  completion: { text: "Seven or so." },
};

describe("estimateUsage (lazy)", () => {
  it("loads the estimator on first use and counts what the eager one counts", async () => {
    expect(await estimateUsage(call)).toEqual(await eagerEstimateUsage(call));
    expect(await estimateUsage(call, jsTiktoken)).toEqual(await jsTiktoken(call));
  });

  it("uses an estimator function instead of the bundled tokenizer", async () => {
    const seen: EstimatedCall[] = [];
    const estimator: TokenEstimator = async (c) => (seen.push(c), { inputTokens: 11, outputTokens: 22 });
    expect(await estimateUsage(call, estimator)).toEqual({ inputTokens: 11, outputTokens: 22 });
    expect(seen).toEqual([call]);
  });
});

describe("no-tokenizer (what Workers builds get)", () => {
  it("rejects, naming the opt-in", async () => {
    await expect(noTokenizer()).rejects.toThrow('pass `tokenizer: estimateUsage` from "@llmscope/core/tokens"');
  });
});

describe("a recorder given an estimator function", () => {
  it("estimates through it and marks the usage estimated", async () => {
    const calls = memorySink();
    const estimator: TokenEstimator = async () => ({ inputTokens: 5, outputTokens: 9 });
    const recorder = createRecorder({ sinks: [calls], tokenizer: estimator });
    // an OpenAI stream without include_usage: the provider reports no counts
    const sse = 'data: {"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\ndata: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';
    const upstream = async () => new Response(sse, { headers: { "content-type": "text/event-stream" } });
    const f = recorder.wrap(upstream as typeof fetch);
    const res = await f("https://api.openai.com/v1/chat/completions", {
      method: "POST",
      body: JSON.stringify({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "Hello" }] }),
    });
    expect(await res.text()).toBe(sse);
    await recorder.flush();
    const [recorded] = calls.calls() as LLMCall[];
    expect(recorded?.completion.text).toBe("Hi");
    expect(recorded?.usage).toMatchObject({ inputTokens: 5, outputTokens: 9, source: "estimated" });
  });
});
