// Small trace records for the console's unit tests: an agent-like request
// (retrieval, two LLM calls around a tool) with times relative to T0.
import type { LLMCall, Step, Trace } from "@llmscope/core";

export const T0 = 1_780_000_000_000;
const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

export function testStep(id: string, name: string, kind: Step["kind"], at: number, durationMs: number, parentId?: string): Step {
  return { id, traceId: TRACE_ID, name, kind, startedAt: T0 + at, durationMs, ...(parentId ? { parentId } : {}) };
}

export function testCall(id: string, at: number, timing: LLMCall["timing"], extra: Partial<LLMCall> = {}): LLMCall {
  return {
    id,
    sessionId: "s1",
    startedAt: T0 + at,
    endedAt: T0 + at + (timing.durationMs ?? 0),
    phase: "done",
    provider: "openai",
    operation: "chat",
    url: "http://127.0.0.1/v1/chat/completions",
    method: "POST",
    status: 200,
    stream: true,
    model: "gpt-4o-mini",
    params: {},
    prompt: { messages: [{ role: "user", content: `question of ${id}` }], text: `question of ${id}` },
    completion: { text: `answer of ${id}` },
    usage: { inputTokens: 100, outputTokens: 20, totalTokens: 120, source: "provider" },
    cost: { inputUSD: 0.001, cachedInputUSD: 0, outputUSD: 0.002, totalUSD: 0.003, priceDate: "2026-11-01" },
    timing,
    tags: {},
    fingerprint: "fp",
    traceId: TRACE_ID,
    ...extra,
  };
}

/** agent (0–1000) ⊃ retrieval 50–250, LLM 300–600 (streams from 400), tool 620–700, LLM 720–950 */
export function agentTrace(): { trace: Trace; steps: Step[]; calls: LLMCall[] } {
  const steps = [testStep("agent", "answer-question", "agent", 0, 1000), testStep("search", "vector-search", "retrieval", 50, 200, "agent"), testStep("tool", "get_weather", "tool", 620, 80, "agent")];
  const calls = [
    testCall("c1", 300, { durationMs: 300, ttfbMs: 60, ttftMs: 100 }, { parentId: "agent" }),
    testCall("c2", 720, { durationMs: 230, ttfbMs: 50, ttftMs: 90 }, { parentId: "agent" }),
  ];
  const trace: Trace = { id: TRACE_ID, name: "chat-turn", sessionId: "s1", tags: { userId: "u1", feature: "chat" }, startedAt: T0, durationMs: 1000, steps };
  return { trace, steps, calls };
}
