import type { LLMCall } from "@llmscope/core";

let seq = 0;

/** A finished call with plausible numbers; tests override what they assert on. */
export function makeCall(overrides: Partial<LLMCall> = {}): LLMCall {
  seq++;
  return {
    id: `call-${seq}`,
    sessionId: "session-a",
    startedAt: 1_700_000_000_000 + seq * 1000,
    endedAt: 1_700_000_000_000 + seq * 1000 + 500,
    phase: "done",
    provider: "openai",
    operation: "chat",
    url: "https://api.openai.com/v1/chat/completions",
    method: "POST",
    status: 200,
    stream: false,
    model: "gpt-4o-mini",
    params: { temperature: 0.2 },
    prompt: { messages: [{ role: "user", content: `question ${seq}` }], text: `question ${seq}` },
    completion: { text: `answer ${seq}`, finishReason: "stop" },
    usage: { inputTokens: 10, outputTokens: 20, source: "provider" },
    cost: { inputUSD: 0.001, cachedInputUSD: 0, outputUSD: 0.002, totalUSD: 0.003, priceDate: "2026-11-01" },
    timing: { durationMs: 500, ttfbMs: 100, ttftMs: 150 },
    tags: {},
    fingerprint: `fp-${seq}`,
    ...overrides,
  };
}
