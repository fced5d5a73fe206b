import type { LLMCall } from "../types.ts";

/** A minimal finished call for analysis tests; override what a test is about. */
export function testCall(overrides: Partial<LLMCall> = {}): LLMCall {
  return {
    id: "c",
    sessionId: "s",
    startedAt: 0,
    phase: "done",
    provider: "openai",
    operation: "chat",
    url: "https://api.openai.com/v1/chat/completions",
    method: "POST",
    stream: false,
    params: {},
    prompt: { messages: [], text: "" },
    completion: { text: "" },
    usage: { source: "provider" },
    timing: {},
    tags: {},
    fingerprint: "f",
    ...overrides,
  };
}
