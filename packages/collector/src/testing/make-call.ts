// Realistic small call records for tests and benchmarks.
import type { LLMCall } from "@llmscope/core";

let seq = 0;

export interface CallShape {
  id?: string;
  startedAt?: number;
  tags?: Record<string, string>;
  inputTokens?: number;
  outputTokens?: number;
  costUSD?: number;
  durationMs?: number;
  ttftMs?: number;
  model?: string;
  provider?: string;
  fingerprint?: string;
  promptText?: string;
  errorKind?: NonNullable<LLMCall["error"]>["kind"];
  traceparent?: string;
}

export function makeCall(shape: CallShape = {}): LLMCall {
  seq++;
  const input = shape.inputTokens ?? 120;
  const output = shape.outputTokens ?? 40;
  const cost = shape.costUSD ?? (input * 2.5 + output * 10) / 1e6;
  const text = shape.promptText ?? `Summarize ticket ${seq} for the customer`;
  const call: LLMCall = {
    id: shape.id ?? crypto.randomUUID(),
    sessionId: "session-1",
    startedAt: shape.startedAt ?? Date.now(),
    phase: "done",
    provider: shape.provider ?? "openai",
    operation: "chat",
    url: "https://api.openai.com/v1/chat/completions",
    method: "POST",
    status: shape.errorKind ? 429 : 200,
    stream: true,
    model: shape.model ?? "gpt-4o-mini",
    responseModel: shape.model ?? "gpt-4o-mini-2024-07-18",
    params: { temperature: 0.2, maxTokens: 256, topP: 1 },
    prompt: { messages: [{ role: "system", content: "You are terse." }, { role: "user", content: text }], system: "You are terse.", text },
    completion: { text: "The customer asks for a refund.", finishReason: "stop" },
    usage: { inputTokens: input, outputTokens: output, cachedInputTokens: 0, totalTokens: input + output, source: "provider" },
    cost: { inputUSD: 0, cachedInputUSD: 0, outputUSD: 0, totalUSD: cost, priceDate: "2026-01-01" },
    timing: { durationMs: shape.durationMs ?? 800, ttfbMs: 200, ttftMs: shape.ttftMs ?? 250, chunkCount: 12 },
    tags: shape.tags ?? { userId: "u1", department: "support", feature: "chat" },
    fingerprint: shape.fingerprint ?? "fp-summarize",
  };
  if (shape.errorKind) call.error = { kind: shape.errorKind, status: 429, message: "Rate limit reached" };
  if (shape.traceparent) call.traceparent = shape.traceparent;
  return call;
}
