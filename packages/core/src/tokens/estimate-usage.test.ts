import { describe, expect, it } from "vitest";
import type { LLMCall } from "../types.ts";
import { estimateUsage, REPLY_PRIMING_TOKENS, TOKENS_PER_MESSAGE } from "./estimate-usage.ts";
import { jsTiktoken } from "./js-tiktoken.ts";
import { loadTokenizer } from "./load-tokenizer.ts";

type Call = Pick<LLMCall, "model" | "prompt" | "completion" | "operation">;

const chat: Call = {
  model: "gpt-4o-mini",
  operation: "chat",
  prompt: {
    system: "You are terse.",
    messages: [
      { role: "system", content: "You are terse." },
      { role: "user", content: "What is 2 + 2?" },
    ],
    text: "You are terse.\nWhat is 2 + 2?",
  },
  completion: { text: "4", toolCalls: [{ name: "calculator", arguments: '{"a":2,"b":2}' }] },
};

describe("estimateUsage", () => {
  it("counts chat messages with OpenAI's per-message and reply-priming overhead", async () => {
    const count = await loadTokenizer("o200k_base");
    const expectedInput =
      2 * TOKENS_PER_MESSAGE +
      count("system") +
      count("You are terse.") +
      count("user") +
      count("What is 2 + 2?") +
      REPLY_PRIMING_TOKENS;
    const expectedOutput = count("4") + count("calculator") + count('{"a":2,"b":2}');
    expect(await estimateUsage(chat)).toEqual({ inputTokens: expectedInput, outputTokens: expectedOutput });
  });

  it("matches the cookbook's worked example shape: 2 short messages", async () => {
    // "hello world" is 2 tokens, "user" 1, "system" 1 → (3+1+2)×2 + 3
    const usage = await estimateUsage({
      model: "gpt-4o",
      operation: "chat",
      prompt: {
        messages: [
          { role: "system", content: "hello world" },
          { role: "user", content: "hello world" },
        ],
        text: "",
      },
      completion: { text: "" },
    });
    expect(usage).toEqual({ inputTokens: 15, outputTokens: 0 });
  });

  it("adds a system prompt carried beside the messages (Anthropic, Gemini) once", async () => {
    const withoutSystem = await estimateUsage({ ...chat, prompt: { ...chat.prompt, messages: chat.prompt.messages.slice(1) } });
    const count = await loadTokenizer("o200k_base");
    // the system text in prompt.system is counted as a message of its own
    expect(withoutSystem.inputTokens).toBe(
      TOKENS_PER_MESSAGE * 2 + count("system") + count("You are terse.") + count("user") + count("What is 2 + 2?") + REPLY_PRIMING_TOKENS,
    );
  });

  it("counts tool calls inside prompt messages", async () => {
    const base = await estimateUsage(chat);
    const withTool = await estimateUsage({
      ...chat,
      prompt: {
        ...chat.prompt,
        messages: [...chat.prompt.messages, { role: "assistant", content: "", toolCalls: [{ name: "lookup", arguments: '{"q":"x"}' }] }],
      },
    });
    const count = await loadTokenizer("o200k_base");
    expect(withTool.inputTokens - base.inputTokens).toBe(
      TOKENS_PER_MESSAGE + count("assistant") + count("lookup") + count('{"q":"x"}'),
    );
  });

  it("counts embeddings input only, without chat overhead", async () => {
    const count = await loadTokenizer("cl100k_base");
    const usage = await estimateUsage({
      model: "text-embedding-3-small",
      operation: "embeddings",
      prompt: { messages: [{ role: "user", content: "first text" }, { role: "user", content: "second one" }], text: "" },
      completion: { text: "" },
    });
    expect(usage).toEqual({ inputTokens: count("first text") + count("second one"), outputTokens: 0 });
  });

  it("uses the model's encoding (cl100k for gpt-3.5)", async () => {
    const text = "吾輩は猫である。名前はまだ無い。";
    const call: Call = { model: "gpt-3.5-turbo", operation: "completion", prompt: { messages: [], text }, completion: { text } };
    const cl100k = await loadTokenizer("cl100k_base");
    expect(await estimateUsage(call)).toEqual({ inputTokens: cl100k(text), outputTokens: cl100k(text) });
  });

  it("treats special-token strings in user text as text, with either library", async () => {
    const call: Call = {
      model: "gpt-4o",
      operation: "chat",
      prompt: { messages: [{ role: "user", content: "<|endoftext|><|im_start|>" }], text: "" },
      completion: { text: "<|im_end|>" },
    };
    const fast = await estimateUsage(call, "gpt-tokenizer");
    expect(fast.outputTokens).toBeGreaterThan(1);
    expect(await jsTiktoken(call)).toEqual(fast);
  });

  it("survives a record with missing parts", async () => {
    const usage = await estimateUsage({ operation: "chat" } as unknown as Call);
    expect(usage).toEqual({ inputTokens: REPLY_PRIMING_TOKENS, outputTokens: 0 });
  });
});
