// Builders shared by the persistence tests: plausible calls and a SinkContext
// that remembers what a sink reported.
import type { LLMCall, SinkContext } from "../types.ts";

export const T0 = Date.UTC(2026, 10, 26, 14, 0, 0);

/** call number i: one per second from T0, spread over 10 users, 3 sessions, 2 providers */
export function makeCall(i: number, overrides: Partial<LLMCall> = {}): LLMCall {
  const provider = i % 2 ? "anthropic" : "openai";
  return {
    id: `call-${String(i).padStart(6, "0")}`,
    sessionId: `session-${i % 3}`,
    startedAt: T0 + i * 1000,
    endedAt: T0 + i * 1000 + 420,
    phase: "done",
    provider,
    operation: "chat",
    url: `http://127.0.0.1/${provider}/v1/chat`,
    method: "POST",
    status: 200,
    stream: false,
    model: i % 4 < 2 ? "gpt-4o-mini" : "claude-haiku",
    params: { temperature: 0.2 },
    prompt: { messages: [{ role: "user", content: `question ${i}` }], text: `user: question ${i}` },
    completion: { text: `answer ${i}`, finishReason: "stop" },
    usage: { inputTokens: 12, outputTokens: 40, source: "provider" },
    timing: { durationMs: 420, ttfbMs: 120 },
    tags: { userId: `user-${i % 10}`, feature: "chat" },
    fingerprint: `fp-${i % 5}`,
    ...overrides,
  };
}

const SENTENCE = "Latency comes from queueing, prompt processing and token generation, and the network adds its share. ";

/** call number i as the recorder keeps it by default: a UUID id, raw request and response bodies (~4 KB answer); about 9 KB */
export function makeRecordedCall(i: number): LLMCall {
  const call = makeCall(i);
  const answer = SENTENCE.repeat(38);
  const hex = i.toString(16).padStart(12, "0");
  return {
    ...call,
    id: `5f0c9a3e-2b7d-4c1a-9e8f-${hex}`,
    prompt: { messages: [{ role: "system", content: "You are a helpful assistant." }, ...call.prompt.messages], system: "You are a helpful assistant.", text: call.prompt.text },
    completion: { text: answer, finishReason: "stop" },
    request: { headers: { "content-type": "application/json" }, body: JSON.stringify({ model: call.model, messages: call.prompt.messages }), bodyBytes: 120 },
    response: {
      headers: { "content-type": "application/json", "x-request-id": `req_${hex}` },
      body: JSON.stringify({ id: `chatcmpl-${hex}`, choices: [{ index: 0, message: { role: "assistant", content: answer }, finish_reason: "stop" }] }),
      bodyBytes: 4000,
    },
  };
}

export interface RecordingContext extends SinkContext {
  drops: Record<string, number>;
  errors: unknown[];
  ignored: string[];
}

export function recordingContext(fetchImpl: typeof fetch = fetch): RecordingContext {
  const ctx: RecordingContext = {
    drops: {},
    errors: [],
    ignored: [],
    fetch: fetchImpl,
    drop(count, reason) {
      ctx.drops[reason] = (ctx.drops[reason] ?? 0) + count;
    },
    error(err) {
      ctx.errors.push(err);
    },
    ignore(prefix) {
      ctx.ignored.push(prefix);
    },
  };
  return ctx;
}
